/** A form field's text as typed ('' when absent or a file): passwords are taken exactly. */
export function formValue(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** A form field's text, trimmed. */
export function formText(form: FormData, name: string): string {
  return formValue(form, name).trim();
}
