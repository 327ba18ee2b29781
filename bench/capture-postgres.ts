// The seed design's capture path, for comparison: the same validated document inserted into PostgreSQL in one
// transaction, then a BullMQ job added on Redis. Runs against 127.0.0.1:5432 and :6379 (CI machines have both).
import { Queue } from 'bullmq';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import type { SaleDraft } from '../src/core/sales/capture-sale';
import { validateDocument } from '../src/shared/fiscal/validate';

const SCHEMA = `
CREATE TABLE fiscal_series (serie text PRIMARY KEY, last_number int NOT NULL);
CREATE TABLE documents (id uuid PRIMARY KEY, numero int NOT NULL, status text NOT NULL, body jsonb NOT NULL,
  totals jsonb NOT NULL, total_factura numeric(14,2) NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE document_items (document_id uuid REFERENCES documents(id), line int, descripcion text, cantidad numeric,
  precio_unitario numeric, tasa_itbms text, valor_total numeric, PRIMARY KEY (document_id, line));
CREATE TABLE document_payments (document_id uuid REFERENCES documents(id), line int, forma_pago text, monto numeric,
  PRIMARY KEY (document_id, line));`;

export interface PostgresCapturePath {
  capture(draft: SaleDraft): Promise<void>;
  close(): Promise<void>;
}

export async function openPostgresPath(
  baseUrl: string,
  redis: { host: string; port: number },
): Promise<PostgresCapturePath> {
  const dbName = `sago_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  await pool.query(SCHEMA);
  const queue = new Queue(`sago-bench-${process.pid}`, { connection: redis });
  await queue.waitUntilReady();

  return {
    async capture(draft) {
      const checked = validateDocument({
        ...draft,
        codigoSucursalEmisor: '0000',
        puntoFacturacionFiscal: '001',
        numeroDocumentoFiscal: '1',
        tipoEmision: '01',
        fechaEmision: '2026-11-28T10:00:00-05:00',
        naturalezaOperacion: '01',
        tipoOperacion: '1',
        destinoOperacion: '1',
        formatoCAFE: '2',
        entregaCAFE: '2',
        envioContenedor: '1',
        procesoGeneracion: '1',
      });
      if (!checked.ok) throw new Error('benchmark draft is invalid');
      const id = randomUUID();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ last_number: number }>(
          `INSERT INTO fiscal_series VALUES ('0000-001-01', 1)
           ON CONFLICT (serie) DO UPDATE SET last_number = fiscal_series.last_number + 1 RETURNING last_number`,
        );
        await client.query(
          'INSERT INTO documents (id, numero, status, body, totals, total_factura) VALUES ($1,$2,$3,$4,$5,$6)',
          [
            id,
            rows[0]?.last_number,
            'QUEUED',
            JSON.stringify(checked.document),
            JSON.stringify(checked.totals),
            checked.totals.totalFactura,
          ],
        );
        const items = checked.document.items;
        await client.query(
          `INSERT INTO document_items VALUES ${items.map((_, i) => `($1,${i + 1},$${i * 5 + 2},$${i * 5 + 3},$${i * 5 + 4},$${i * 5 + 5},$${i * 5 + 6})`).join(',')}`,
          [
            id,
            ...items.flatMap((it, i) => [
              it.descripcion,
              it.cantidad,
              it.precioUnitario,
              it.tasaItbms,
              checked.totals.items[i]?.valorTotal,
            ]),
          ],
        );
        await client.query('INSERT INTO document_payments VALUES ($1, 1, $2, $3)', [
          id,
          checked.document.pagos[0]?.formaPagoFact,
          checked.document.pagos[0]?.valorCuotaPagada,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
      await queue.add('enviar', { documentId: id }, { removeOnComplete: true });
    },
    async close() {
      await queue.obliterate({ force: true });
      await queue.close();
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
      await admin.end();
    },
  };
}
