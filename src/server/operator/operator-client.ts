// The CLI's side of the system routes: when a live PGlite server holds the data folder, `create-org` and
// `add-admin-key` are sent to it (its loopback listener, its operator secret) instead of opening the folder.
import type { CreatedOrganisation } from '../tenancy/organisations';
import { readControlFile, type ControlFile } from './control-file';
import { SYSTEM_ADMIN_KEYS_PATH, SYSTEM_ORGANISATIONS_PATH } from './system-app';

export class OperatorRequestError extends Error {
  override readonly name = 'OperatorRequestError';
}

async function call<T>(control: ControlFile, path: string, body: unknown): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${control.port}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${control.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as { message?: string };
  if (!response.ok)
    throw new OperatorRequestError(
      `The running server refused (HTTP ${response.status}): ${answer.message ?? 'no reason given'}`,
    );
  return answer as T;
}

export interface RunningServerOperator {
  createOrganisation(name: string): Promise<CreatedOrganisation>;
  addAdminKey(orgId: string, label: string): Promise<string>;
}

/** The running server's operator interface, or undefined when no server left its control file. */
export function runningServerOperator(dataDir: string): RunningServerOperator | undefined {
  const control = readControlFile(dataDir);
  if (!control) return undefined;
  return {
    createOrganisation: (name) => call<CreatedOrganisation>(control, SYSTEM_ORGANISATIONS_PATH, { name }),
    addAdminKey: async (orgId, label) =>
      (await call<{ adminKey: string }>(control, SYSTEM_ADMIN_KEYS_PATH, { orgId, label })).adminKey,
  };
}
