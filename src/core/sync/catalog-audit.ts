// The audit entries of applied catalogue changes (decision 0018). Every change is recorded, but an audit entry per
// product made a first catalogue of 10 000 rows hold the register's write lock for ~10 s (bench/catalog-apply.ts):
// changes are packed into entries of at most PACKED_DETAILS_CHARS of JSON (the central server refuses details over
// MAX_DETAILS_CHARS), each change with its code, version and only the fields it changed (before → after), or all
// values for a product created. An overwritten local edit keeps its own entry with the local values in full.
import { MAX_DETAILS_CHARS } from '../../shared/sync/events';
import { appendAudit, type AuditTx } from '../store/audit';

/** Room left under the server's limit for the wrapper (`{"changes":[…]}`). */
export const PACKED_DETAILS_CHARS = MAX_DETAILS_CHARS - 96;

export type ProductValues = Record<string, string | boolean | null>;

/** What one change says: created with its values, or the fields changed as [before, after]. */
export function describeChange(
  codigo: string,
  version: number,
  before: ProductValues | undefined,
  after: ProductValues,
): Record<string, unknown> {
  if (!before) return { codigo, version, created: true, values: after };
  const changed = Object.fromEntries(
    Object.keys(after)
      .filter((k) => before[k] !== after[k])
      .map((k) => [k, [before[k] ?? null, after[k] ?? null]]),
  );
  return { codigo, version, changed };
}

/** Collects changes and writes them as few `catalog.central_applied` entries as the size limit allows. */
export class PackedCatalogAudit {
  private items: Record<string, unknown>[] = [];
  private size = 0;

  constructor(
    private readonly tx: AuditTx,
    private readonly actor: string,
    private readonly at: Date,
  ) {}

  add(item: Record<string, unknown>): void {
    const length = JSON.stringify(item).length + 1;
    if (this.items.length > 0 && this.size + length > PACKED_DETAILS_CHARS) this.flush();
    this.items.push(item);
    this.size += length;
  }

  flush(): void {
    if (this.items.length === 0) return;
    appendAudit(
      this.tx,
      { actor: this.actor, action: 'catalog.central_applied', details: { changes: this.items } },
      this.at,
    );
    this.items = [];
    this.size = 0;
  }
}
