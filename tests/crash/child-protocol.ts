// What the crash test's parent and its register child tell each other: environment variables in, one line per
// event out on stdout. stdout is a pipe, and Node writes to pipes synchronously on Linux, so a line printed before
// the SIGKILL is a line the parent receives: the last line says where the child was when it died.

export type ChildMode = 'capture' | 'drain';

export interface ChildConfig {
  mode: ChildMode;
  /** The register's SQLite file (the same path for every child). */
  dbPath: string;
  endpoint: string;
  /** Seeds the child's choices (sale contents, pauses), so a failing run can be replayed. */
  seed: number;
  migrationsFolder: string;
  wsdlPath: string;
  /** capture mode: keep the transaction of this capture (1-based) open until killed, right after its TX line. */
  holdTransactionAt?: number;
}

const ENV = {
  mode: 'CRASH_MODE',
  dbPath: 'CRASH_DB',
  endpoint: 'CRASH_ENDPOINT',
  seed: 'CRASH_SEED',
  migrationsFolder: 'CRASH_MIGRATIONS',
  wsdlPath: 'CRASH_WSDL',
  holdTransactionAt: 'CRASH_HOLD_TX_AT',
} as const;

export function configToEnv(config: ChildConfig): Record<string, string> {
  return {
    [ENV.mode]: config.mode,
    [ENV.dbPath]: config.dbPath,
    [ENV.endpoint]: config.endpoint,
    [ENV.seed]: String(config.seed),
    [ENV.migrationsFolder]: config.migrationsFolder,
    [ENV.wsdlPath]: config.wsdlPath,
    ...(config.holdTransactionAt === undefined ? {} : { [ENV.holdTransactionAt]: String(config.holdTransactionAt) }),
  };
}

export function configFromEnv(env: NodeJS.ProcessEnv): ChildConfig {
  const get = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`register-child: ${name} is not set`);
    return value;
  };
  const mode = get(ENV.mode);
  if (mode !== 'capture' && mode !== 'drain') throw new Error(`register-child: unknown mode ${mode}`);
  return {
    mode,
    dbPath: get(ENV.dbPath),
    endpoint: get(ENV.endpoint),
    seed: Number(get(ENV.seed)),
    migrationsFolder: get(ENV.migrationsFolder),
    wsdlPath: get(ENV.wsdlPath),
    ...(env[ENV.holdTransactionAt] ? { holdTransactionAt: Number(env[ENV.holdTransactionAt]) } : {}),
  };
}

/**
 * READY                      store open, worker started
 * CAP                        captureSale is about to run
 * TX <documentId>            inside the capture's SQLite transaction (number taken, rows written, not committed)
 * ACK <documentId> <numero>  captureSale returned ok: the sale is acknowledged to the cashier
 * DRAINED <parked> <failed>  drain mode: nothing waiting any more
 * ERROR <message>            something the test did not expect (e.g. a draft the fiscal core refused)
 */
export type ChildEvent =
  | { kind: 'READY' }
  | { kind: 'CAP' }
  | { kind: 'TX'; documentId: string }
  | { kind: 'ACK'; documentId: string; numero: number }
  | { kind: 'DRAINED'; parked: number; failed: number }
  | { kind: 'ERROR'; message: string };

export function formatEvent(event: ChildEvent): string {
  switch (event.kind) {
    case 'READY':
    case 'CAP':
      return `${event.kind}\n`;
    case 'TX':
      return `TX ${event.documentId}\n`;
    case 'ACK':
      return `ACK ${event.documentId} ${event.numero}\n`;
    case 'DRAINED':
      return `DRAINED ${event.parked} ${event.failed}\n`;
    case 'ERROR':
      return `ERROR ${event.message.replace(/\s+/g, ' ')}\n`;
  }
}

/** Parses one stdout line; undefined for anything else (nothing else is expected, but it must not break parsing). */
export function parseEvent(line: string): ChildEvent | undefined {
  const [kind = '', a, b] = line.trim().split(' ');
  switch (kind) {
    case 'READY':
    case 'CAP':
      return { kind };
    case 'TX':
      return a ? { kind, documentId: a } : undefined;
    case 'ACK':
      return a && b && /^\d+$/.test(b) ? { kind, documentId: a, numero: Number(b) } : undefined;
    case 'DRAINED':
      return { kind, parked: Number(a), failed: Number(b) };
    case 'ERROR':
      return { kind, message: line.trim().slice('ERROR '.length) };
    default:
      return undefined;
  }
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
