// Customers import from CSV (columns in customer-row.ts). Like the products import: every row is checked first and
// every bad row reported with its file line, in Spanish; with any bad row nothing is imported unless the manager
// chose to import the valid rows; the import is one transaction and one audit entry. A customer with the same type
// and identification (or, without one, the same type and name) is updated, not duplicated.
import { randomUUID } from 'node:crypto';
import type { ImportError } from '../../shared/ipc/areas/reports/contract';
import type { Receptor } from '../../shared/fiscal/receptor';
import { describeReceptor } from '../app/customers-repo';
import { appendAudit } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import {
  CUSTOMER_COLUMNS,
  REQUIRED_CUSTOMER_COLUMNS,
  checkCustomerRow,
  customerColumnOf,
  type CustomerColumn,
} from './customer-row';
import type { ImportResult } from './import-products';
import { readCsvTable } from './parse-csv';

interface ValidCustomer {
  receptor: Receptor;
  nombre: string;
  identificacion: string | null;
}

function readHeader(
  fields: readonly string[],
): { ok: true; index: Map<CustomerColumn, number> } | { ok: false; message: string } {
  const index = new Map<CustomerColumn, number>();
  fields.forEach((name, i) => {
    const column = customerColumnOf(name);
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = REQUIRED_CUSTOMER_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0)
    return {
      ok: false,
      message: `Fila 1: faltan las columnas ${missing.join(', ')} en el encabezado (se esperan ${CUSTOMER_COLUMNS.join(', ')})`,
    };
  return { ok: true, index };
}

/** What makes two rows the same customer. */
const identityKey = (c: ValidCustomer) =>
  `${c.receptor.tipoClienteFE}|${c.identificacion === null ? `nombre:${c.nombre.toLowerCase()}` : `id:${c.identificacion}`}`;

function describeDuplicate(c: ValidCustomer): string {
  return c.identificacion === null ? `el cliente ${c.nombre}` : `la identificación ${c.identificacion}`;
}

export function importCustomersCsv(
  db: StoreDb,
  csv: string,
  options: { importValidRows?: boolean | undefined; actor: string; at: Date },
): ImportResult {
  const table = readCsvTable(csv, readHeader);
  if (!table.ok) return table.result;
  const { records, index } = table;

  const errors: ImportError[] = [];
  const valid: ValidCustomer[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    let problems: string[];
    if (record.fields.length !== table.width) {
      problems = [`tiene ${record.fields.length} columnas y el encabezado ${table.width}`];
    } else {
      const checked = checkCustomerRow((c) => {
        const i = index.get(c);
        return i === undefined ? '' : (record.fields[i] ?? '').trim();
      });
      problems = checked.ok ? [] : checked.problems;
      if (checked.ok) {
        const { nombre, identificacion } = describeReceptor(checked.receptor);
        const customer = { receptor: checked.receptor, nombre: nombre ?? '', identificacion };
        const key = identityKey(customer);
        const first = seen.get(key);
        if (first !== undefined) problems.push(`${describeDuplicate(customer)} ya aparece en la fila ${first}`);
        else {
          seen.set(key, record.line);
          valid.push(customer);
        }
      }
    }
    if (problems.length > 0) errors.push({ row: record.line, message: `Fila ${record.line}: ${problems.join('; ')}` });
  }
  if (errors.length > 0 && options.importValidRows !== true) return { rows: records.length, imported: 0, errors };

  const sqlite = db.$client;
  const byIdentification = sqlite
    .prepare('SELECT id FROM customers WHERE tipo_cliente_fe = ? AND identificacion = ?')
    .pluck();
  const byName = sqlite
    .prepare(
      'SELECT id FROM customers WHERE tipo_cliente_fe = ? AND identificacion IS NULL AND lower(nombre) = lower(?)',
    )
    .pluck();
  const insert =
    sqlite.prepare(`INSERT INTO customers (id, tipo_cliente_fe, identificacion, nombre, receptor, updated_at)
    VALUES (@id, @tipo, @identificacion, @nombre, @receptor, @at)`);
  const update = sqlite.prepare(
    'UPDATE customers SET nombre = @nombre, receptor = @receptor, updated_at = @at WHERE id = @id',
  );
  const at = options.at.toISOString();
  db.transaction(
    (tx) => {
      let created = 0;
      for (const customer of valid) {
        const tipo = customer.receptor.tipoClienteFE;
        const existing = (
          customer.identificacion === null
            ? byName.get(tipo, customer.nombre)
            : byIdentification.get(tipo, customer.identificacion)
        ) as string | undefined;
        if (existing === undefined) created++;
        (existing === undefined ? insert : update).run({
          id: existing ?? randomUUID(),
          tipo,
          identificacion: customer.identificacion,
          nombre: customer.nombre,
          receptor: JSON.stringify(customer.receptor),
          at,
        });
      }
      appendAudit(
        tx,
        {
          actor: options.actor,
          action: 'customers.imported',
          details: {
            rows: records.length,
            created,
            updated: valid.length - created,
            skippedRows: errors.map((e) => e.row),
          },
        },
        options.at,
      );
    },
    { behavior: 'immediate' },
  );
  return { rows: records.length, imported: valid.length, errors };
}
