// Creating an organisation is the platform operator's job (CLI: `npm run server -- create-org "Name"`), done as the
// schema owner because the API role may not insert organisations or admin keys. Even so it runs inside the new
// organisation's RLS scope, which is what lets a non-superuser owner write under FORCE ROW LEVEL SECURITY.
import { randomUUID } from 'node:crypto';
import type { OwnerConnection } from '../db/owner-connection';
import { hashCredential, newCredential } from '../auth/credential-secrets';

export interface CreatedOrganisation {
  orgId: string;
  /** Shown once; only its hash is stored. */
  adminKey: string;
}

export async function createOrganisation(owner: OwnerConnection, name: string, keyLabel = 'initial'): Promise<CreatedOrganisation> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200) throw new Error('Organisation name must have 1-200 characters');
  const orgId = randomUUID();
  const adminKey = newCredential('admin', orgId);
  await owner.query('BEGIN');
  try {
    await owner.query(`SELECT set_config('app.org_id', $1, true)`, [orgId]);
    await owner.query('INSERT INTO organisations (id, name) VALUES ($1, $2)', [orgId, trimmed]);
    await owner.query('INSERT INTO admin_keys (org_id, key_hash, label) VALUES ($1, $2, $3)', [orgId, hashCredential(adminKey), keyLabel]);
    await owner.query('COMMIT');
  } catch (error) {
    await owner.query('ROLLBACK');
    throw error;
  }
  return { orgId, adminKey };
}

/** Another admin key for an existing organisation (e.g. a second head-office system). */
export async function addAdminKey(owner: OwnerConnection, orgId: string, label: string): Promise<string> {
  const adminKey = newCredential('admin', orgId);
  await owner.query('BEGIN');
  try {
    await owner.query(`SELECT set_config('app.org_id', $1, true)`, [orgId]);
    const found = await owner.query('SELECT 1 FROM organisations WHERE id = $1', [orgId]);
    if (found.length === 0) throw new Error(`Unknown organisation ${orgId}`);
    await owner.query('INSERT INTO admin_keys (org_id, key_hash, label) VALUES ($1, $2, $3)', [orgId, hashCredential(adminKey), label]);
    await owner.query('COMMIT');
  } catch (error) {
    await owner.query('ROLLBACK');
    throw error;
  }
  return adminKey;
}
