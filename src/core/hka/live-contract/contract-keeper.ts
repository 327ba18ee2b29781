// The register's side of HKA's live contract: which WSDL the running client is built from, fetching HKA's own at
// first use of a Demo/Producción connection (in the background: a sale never waits for it) and when the manager tests
// the connection, and switching the running client to it. Simulador keeps the bundled WSDL (the simulator serves it).
import type { HkaEnvironment } from '../contract';
import type { HkaClient, HkaLogger } from '../client/hka-client';
import type { SwitchableHkaClient } from '../client/switchable-client';
import {
  refreshLiveContract,
  storedLiveContract,
  type LiveContractInfo,
  type LiveContractOptions,
} from './live-contract';

export interface ContractKeeperDeps {
  dataDir: string;
  bundledWsdlPath: string;
  log?: HkaLogger | undefined;
  clock: () => Date;
  /** The environment and endpoint the running client talks to. */
  running: { environment: HkaEnvironment; endpoint: string };
  /** Builds a client for an environment and endpoint from a WSDL file. */
  buildClient: (environment: HkaEnvironment, endpoint: string, wsdlPath: string) => Promise<HkaClient>;
  /** Test seam: how the live WSDL is fetched. */
  fetchWsdl?: LiveContractOptions['fetchWsdl'];
}

export interface ContractKeeper {
  /** What the saved environment and endpoint would use now (null for Simulador). */
  view(environment: HkaEnvironment, endpoint: string | undefined): LiveContractInfo | null;
  /** Fetches HKA's live WSDL for that connection; the running client follows it when it is the running connection. */
  refresh(environment: HkaEnvironment, endpoint: string | undefined): Promise<LiveContractInfo | null>;
  /** A client for that connection built from its contract (the live one once kept, else the bundled one). */
  clientFor(environment: HkaEnvironment, endpoint: string | undefined): Promise<HkaClient>;
  /** The running client, built from the kept contract; starts the first-use fetch in the background when none is kept. */
  start(): Promise<SwitchableHkaClient>;
  /** Resolves when the background fetch started by start() is over (tests). */
  settled(): Promise<void>;
}

export function contractKeeper(
  deps: ContractKeeperDeps,
  makeSwitchable: (initial: HkaClient) => SwitchableHkaClient,
): ContractKeeper {
  let running: SwitchableHkaClient | undefined;
  let background: Promise<void> = Promise.resolve();

  const options = (environment: HkaEnvironment, endpoint: string | undefined): LiveContractOptions | undefined =>
    environment === 'simulador' || endpoint === undefined
      ? undefined
      : {
          dataDir: deps.dataDir,
          environment,
          endpoint,
          bundledWsdlPath: deps.bundledWsdlPath,
          log: deps.log,
          clock: deps.clock,
          ...(deps.fetchWsdl ? { fetchWsdl: deps.fetchWsdl } : {}),
        };

  /** A client from the contract's WSDL; the bundled one when the SOAP library cannot load it after all. */
  async function build(
    environment: HkaEnvironment,
    endpoint: string,
    info: LiveContractInfo | null,
  ): Promise<HkaClient> {
    if (info?.source === 'live') {
      try {
        return await deps.buildClient(environment, endpoint, info.wsdlPath);
      } catch (error) {
        deps.log?.warn('HKA live WSDL could not be loaded; using the bundled one', {
          endpoint,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return deps.buildClient(environment, endpoint, deps.bundledWsdlPath);
  }

  const isRunning = (environment: HkaEnvironment, endpoint: string | undefined) =>
    environment === deps.running.environment && endpoint === deps.running.endpoint;

  async function adopt(info: LiveContractInfo): Promise<void> {
    if (!running || info.source !== 'live' || !isRunning(deps.running.environment, info.endpoint)) return;
    running.replace(await build(deps.running.environment, deps.running.endpoint, info));
  }

  return {
    view(environment, endpoint) {
      const o = options(environment, endpoint);
      return o ? storedLiveContract(o) : null;
    },
    async refresh(environment, endpoint) {
      const o = options(environment, endpoint);
      if (!o) return null;
      const info = await refreshLiveContract(o);
      if (isRunning(environment, endpoint)) await adopt(info);
      return info;
    },
    async clientFor(environment, endpoint) {
      if (endpoint === undefined) return deps.buildClient(environment, deps.running.endpoint, deps.bundledWsdlPath);
      const o = options(environment, endpoint);
      return build(environment, endpoint, o ? storedLiveContract(o) : null);
    },
    async start() {
      const { environment, endpoint } = deps.running;
      const o = options(environment, endpoint);
      const kept = o ? storedLiveContract(o) : null;
      running = makeSwitchable(await build(environment, endpoint, kept));
      if (o && kept?.source !== 'live') {
        background = refreshLiveContract(o)
          .then(adopt)
          .catch((error: unknown) => {
            deps.log?.warn('HKA live WSDL: first-use fetch failed', {
              endpoint,
              error: error instanceof Error ? error.message : String(error),
            });
          });
      }
      return running;
    },
    settled: () => background,
  };
}
