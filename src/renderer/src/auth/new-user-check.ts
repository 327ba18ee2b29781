// A new user's name and PIN checked with the contract's own rules before the request goes out, so the screen shows
// the rule's Spanish message (the core would say the same, with the field's path appended).
import { pinSchema, usernameSchema } from '../../../shared/ipc/areas/auth/contract';

export interface NewUserFields {
  displayName: string;
  username: string;
  pin: string;
}

export function newUserProblems(fields: NewUserFields): string[] {
  const problems: string[] = [];
  const name = fields.displayName.trim();
  if (name.length < 2) problems.push('El nombre debe tener al menos 2 caracteres');
  if (name.length > 60) problems.push('El nombre admite hasta 60 caracteres');
  const username = usernameSchema.safeParse(fields.username);
  if (!username.success) problems.push(username.error.issues[0]?.message ?? '');
  const pin = pinSchema.safeParse(fields.pin);
  if (!pin.success) problems.push(pin.error.issues[0]?.message ?? '');
  return problems;
}
