// The registers of the ingest bench (bench/ingest.ts), in a process of their own: building the batches, sending them
// and reading the answers costs CPU too, and in the API's process it would be counted as the server's (and would
// compete with it for its event loop). Driven over the fork IPC channel: `prepare` builds each register's batches
// (untimed), `go` pushes them, every register back to back and all registers at once, and answers the batch
// latencies, the wall time and this process's CPU.
import { randomUUID } from 'node:crypto';
import { SYNC_BATCH_MAX, SYNC_INGEST_PATH } from '../src/shared/sync/batch';
import { auditChain } from '../tests/fixtures/audit-chain-events';

export type ClientCommand =
  { type: 'prepare'; url: string; tokens: string[]; batchesPerClient: number } | { type: 'go' } | { type: 'exit' };

export type ClientAnswer =
  | { type: 'ready' }
  | { type: 'done'; samples: number[]; wallMs: number; cpuMs: number }
  | { type: 'failed'; message: string };

let seqCounter = 0;
/** Each register's own hash-chained audit trail (the server checks each link on ingest, so the bench measures that). */
const trails = new Map<string, ReturnType<typeof auditChain>>();

/** Half audit entries, half status snapshots (capture, then authorisation), like a register's outbox. */
function batch(token: string): { events: unknown[] } {
  let trail = trails.get(token);
  if (!trail) trails.set(token, (trail = auditChain()));
  const events: unknown[] = [];
  while (events.length < SYNC_BATCH_MAX) {
    const documentId = randomUUID();
    const at = new Date().toISOString();
    const total = `${1 + (seqCounter % 500)}.25`;
    events.push(
      {
        eventId: randomUUID(),
        seq: ++seqCounter,
        kind: 'audit',
        payload: trail.next({
          at,
          action: 'sale.captured',
          documentId,
          details: { tipoDocumento: '01', numero: seqCounter, tipoEmision: '01', total },
        }),
      },
      {
        eventId: randomUUID(),
        seq: ++seqCounter,
        kind: 'document_status',
        payload: {
          documentId,
          status: 'QUEUED',
          at,
          tipoDocumento: '01',
          numero: seqCounter,
          tipoEmision: '01',
          total,
        },
      },
      {
        eventId: randomUUID(),
        seq: ++seqCounter,
        kind: 'audit',
        payload: trail.next({
          at,
          actor: 'sistema:cola',
          actorName: 'Sistema (cola de envío)',
          action: 'document.authorized',
          documentId,
          details: { cufe: `FE0120000${seqCounter}`, codigo: '200', alreadyAuthorized: false },
        }),
      },
      {
        eventId: randomUUID(),
        seq: ++seqCounter,
        kind: 'document_status',
        payload: { documentId, status: 'AUTHORIZED', from: 'PROCESSING', at },
      },
    );
  }
  return { events: events.slice(0, SYNC_BATCH_MAX) };
}

async function push(url: string, token: string, body: string): Promise<number> {
  const t0 = performance.now();
  const response = await fetch(`${url}${SYNC_INGEST_PATH}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
  const result = (await response.json()) as { stored?: number };
  if (response.status !== 200 || result.stored !== SYNC_BATCH_MAX)
    throw new Error(`push failed: HTTP ${response.status} ${JSON.stringify(result).slice(0, 200)}`);
  return performance.now() - t0;
}

let prepared: { url: string; tokens: string[]; bodies: string[][] } | undefined;

async function go(): Promise<ClientAnswer> {
  if (!prepared) throw new Error('go before prepare');
  const { url, tokens, bodies } = prepared;
  const samples: number[] = [];
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    tokens.map(async (token, c) => {
      for (const body of bodies[c]!) samples.push(await push(url, token, body));
    }),
  );
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { type: 'done', samples, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const send = (answer: ClientAnswer) => process.send!(answer);

process.on('message', (command: ClientCommand) => {
  if (command.type === 'exit') {
    process.disconnect();
    return;
  }
  if (command.type === 'prepare') {
    const { url, tokens, batchesPerClient } = command;
    const bodies = tokens.map((token) => Array.from({ length: batchesPerClient }, () => JSON.stringify(batch(token))));
    prepared = { url, tokens, bodies };
    send({ type: 'ready' });
    return;
  }
  go().then(send, (error: unknown) => send({ type: 'failed', message: (error as Error).message }));
});
