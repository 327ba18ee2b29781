// startHkaSimulator: wires accounts, store, operations, fault injection and the HTTP listener into a running
// stand-in for HKA's SOAP service (REFERENCE.md §1, §8).
import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { HKA_OPERATIONS, SERVICE_PATH, type HkaOperation } from '../contract';
import { AccountBook, DEMO_ACCOUNT } from './accounts';
import { FaultController } from './faults';
import { SimHttpServer } from './http-server';
import { operationHandlers } from './operations';
import { RucRegistry } from './ruc-registry';
import { loadServedContract, type ContractVariant } from './served-contract';
import { soapRoute } from './soap-route';
import { SimStore, type LedgerEntry } from './store/sim-store';
import type { SimAccount } from './types';

export interface HkaSimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port chosen by the OS. */
  port?: number;
  /** SQLite file that keeps state across restarts; in memory when absent. */
  dbPath?: string;
  /** Default: [DEMO_ACCOUNT]. */
  accounts?: SimAccount[];
  /** Default: the system clock. */
  clock?: () => Date;
  /** Uniform [0, 1) source for dSeg and latency ranges. Default: node:crypto. */
  random?: () => number;
  /** Default resources/hka/Service.wsdl (from the working directory); a missing file makes ?wsdl a 404. */
  wsdlPath?: string;
  /** Serve (and read requests by) a variant of that WSDL, e.g. datosDocumento in another namespace (served-contract.ts). */
  contractVariant?: ContractVariant;
}

export interface HkaSimulator {
  /** http://127.0.0.1:PORT/ws/obj/v1.0/Service.svc */
  endpoint: string;
  port: number;
  faults: FaultController;
  /** Every authorised document exactly once, in authorisation order. */
  ledger(): LedgerEntry[];
  /** Requests received for an operation (all operations when omitted), counted before any fault is applied. */
  calls(op?: HkaOperation): number;
  close(): Promise<void>;
}

const cryptoRandom = (): number => randomInt(0, 2 ** 48 - 1) / 2 ** 48;

/** Fails fast on configurations the CUFE cannot encode (branch codes are 4 digits in it, §5.5). */
function checkAccounts(accounts: readonly SimAccount[]): void {
  if (accounts.length === 0) throw new Error('The HKA simulator needs at least one account');
  for (const { issuer } of accounts) {
    if (issuer.branches.length === 0) throw new Error(`Issuer ${issuer.ruc} has no branches`);
    const bad = issuer.branches.find((b) => !/^\d{4}$/.test(b.codigo));
    if (bad)
      throw new Error(`Branch code "${bad.codigo}" of issuer ${issuer.ruc} must be 4 digits (it goes into the CUFE)`);
  }
}

export async function startHkaSimulator(options: HkaSimulatorOptions = {}): Promise<HkaSimulator> {
  const accounts = options.accounts ?? [DEMO_ACCOUNT];
  checkAccounts(accounts);
  const contract = await loadServedContract(
    options.wsdlPath ?? resolve('resources/hka/Service.wsdl'),
    options.contractVariant,
  );
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? ((): Date => new Date());
  const random = options.random ?? cryptoRandom;
  const store = new SimStore(options.dbPath);
  const accountBook = new AccountBook(accounts);
  const handlers = operationHandlers(new RucRegistry(accounts));
  const counts = new Map<HkaOperation, number>();
  let endpoint = '';

  // The route needs the fault controller and the server's closing signal; both exist before the first request.
  const late: { faults?: FaultController; server?: SimHttpServer } = {};
  const route = soapRoute({
    endpoint: () => endpoint,
    contract,
    get closing() {
      return late.server?.closingSignal ?? AbortSignal.abort();
    },
    decide: (op) => late.faults?.decide(op) ?? { delayMs: 0, outcome: 'none' },
    onCall: (op) => counts.set(op, (counts.get(op) ?? 0) + 1),
    run: async (op, wrapper, rawBody) =>
      handlers[op](wrapper, { store, accounts: accountBook, now: clock(), random, rawBody }),
  });
  const server = new SimHttpServer(host, options.port ?? 0, route);
  const faults = new FaultController(server, random);
  late.server = server;
  late.faults = faults;
  let port: number;
  try {
    port = await server.listen();
  } catch (error) {
    store.close();
    throw error;
  }
  endpoint = `http://${host}:${port}${SERVICE_PATH}`;

  let closed: Promise<void> | undefined;
  return {
    endpoint,
    port,
    faults,
    ledger: () => store.ledger(),
    calls: (op) => (op ? (counts.get(op) ?? 0) : HKA_OPERATIONS.reduce((sum, o) => sum + (counts.get(o) ?? 0), 0)),
    close: () => {
      closed ??= server.close().finally(() => store.close());
      return closed;
    },
  };
}
