// Last line of defence on the register: an outbox row that contains any secret held by the vault (HKA tokens,
// certificate password, the device token itself) is withheld, never sent. The store already keeps secrets out of
// audit details and status snapshots; this catches a future mistake before it leaves the machine.
import { SECRET_NAMES, type SecretName, type Vault } from '../vault/vault';
import type { OutboxRow } from './sync-outbox';

/** Shorter values would match ordinary text by accident. */
const MIN_SECRET_LENGTH = 8;

/** Ids of the rows that contain a vault secret (as it would appear inside JSON text). */
export async function rowsHoldingSecrets(vault: Vault, rows: readonly OutboxRow[]): Promise<Set<number>> {
  const configured = SECRET_NAMES.filter((name: SecretName) => vault.describe(name).configured);
  if (configured.length === 0 || rows.length === 0) return new Set();
  return vault.withSecrets(configured, (secrets) => {
    const needles = Object.values<string>(secrets)
      .filter((s) => s.length >= MIN_SECRET_LENGTH)
      .flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]);
    return Promise.resolve(
      new Set(rows.filter((row) => needles.some((needle) => row.payload.includes(needle))).map((row) => row.id)),
    );
  });
}
