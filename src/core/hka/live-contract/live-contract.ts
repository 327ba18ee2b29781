// HKA's live contract: `<endpoint>?singleWsdl`, fetched when the manager tests a Demo/Producción connection or when
// the register first uses one, kept in the data folder (<dataDir>/hka-contract/<environment>.wsdl + .json) and used to
// build the SOAP client, so the register follows HKA's real namespaces and element order instead of our
// reconstruction (REFERENCE.md §1.3, §7.1). The fetched text is untrusted input: size-limited, parsed strictly, and
// rejected unless it is a WSDL of this service that the SOAP library can load; any failure leaves the bundled WSDL in
// use, with the reason logged. Nothing here throws to its caller: the register keeps selling whatever HKA publishes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createClientAsync } from 'soap';
import { z } from 'zod';
import { writeAtomically } from '../../store/atomic-file';
import type { HkaEnvironment } from '../contract';
import type { HkaLogger } from '../client/hka-client';
import { compareContracts, describeDifference, type ContractDifference } from './compare-wsdl';
import { summariseWsdl, WsdlReadError } from './wsdl-summary';

/** A real singleWsdl of HKA's service is ~50 KB; anything past 2 MB is not one, and is not read to the end. */
export const MAX_WSDL_BYTES = 2 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;
/** Operations without which a WSDL cannot be HKA's service (the register would not even test its connection). */
const ESSENTIAL_OPERATIONS = ['Enviar', 'FoliosRestantes'];

export interface LiveContractInfo {
  source: 'live' | 'bundled';
  endpoint: string;
  /** The WSDL the SOAP client is built from. */
  wsdlPath: string;
  /** When the live WSDL in use was fetched (ISO), null with the bundled one. */
  fetchedAt: string | null;
  /** Live vs bundled; empty when they agree or when the bundled one is in use. */
  differences: ContractDifference[];
  /** Why the bundled WSDL is in use (English); null when the live one is. */
  fallbackReason: string | null;
}

export interface LiveContractOptions {
  dataDir: string;
  environment: Exclude<HkaEnvironment, 'simulador'>;
  endpoint: string;
  bundledWsdlPath: string;
  log?: HkaLogger | undefined;
  /** The HTTP fetch (tests replace it to serve odd documents). */
  fetchWsdl?: (url: string) => Promise<string>;
  clock?: () => Date;
}

const metaSchema = z.object({
  endpoint: z.string(),
  fetchedAt: z.string(),
  sha256: z.string(),
  differences: z.array(
    z.object({
      area: z.enum(['operation', 'parameters', 'namespace', 'order']),
      subject: z.string(),
      bundled: z.string().nullable(),
      live: z.string().nullable(),
    }),
  ),
});

function paths(dataDir: string, environment: string): { dir: string; wsdl: string; meta: string } {
  const dir = join(dataDir, 'hka-contract');
  return { dir, wsdl: join(dir, `${environment}.wsdl`), meta: join(dir, `${environment}.json`) };
}

/** `<endpoint>?singleWsdl` (HKA's WCF service answers it with every schema inlined). */
export function singleWsdlUrl(endpoint: string): string {
  const url = new URL(endpoint);
  url.search = 'singleWsdl';
  url.hash = '';
  return url.href;
}

/** GET with a timeout and a size limit; the body is refused as soon as it passes MAX_WSDL_BYTES. */
export async function fetchWsdlText(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error' });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_WSDL_BYTES) throw new Error(`too large (${declared} bytes)`);
  const reader = res.body?.getReader();
  if (!reader) throw new Error('empty body');
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_WSDL_BYTES) {
      await reader.cancel();
      throw new Error(`too large (over ${MAX_WSDL_BYTES} bytes)`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
}

const bundledInfo = (options: LiveContractOptions, reason: string): LiveContractInfo => ({
  source: 'bundled',
  endpoint: options.endpoint,
  wsdlPath: options.bundledWsdlPath,
  fetchedAt: null,
  differences: [],
  fallbackReason: reason,
});

/** The live WSDL kept for this environment and endpoint, or the bundled one when none was fetched for it yet. */
export function storedLiveContract(options: LiveContractOptions): LiveContractInfo {
  const { wsdl, meta } = paths(options.dataDir, options.environment);
  if (!existsSync(wsdl) || !existsSync(meta)) return bundledInfo(options, 'live WSDL not fetched yet');
  try {
    const parsed = metaSchema.parse(JSON.parse(readFileSync(meta, 'utf8')));
    if (parsed.endpoint !== options.endpoint) return bundledInfo(options, 'live WSDL kept for another endpoint');
    const text = readFileSync(wsdl, 'utf8');
    if (createHash('sha256').update(text).digest('hex') !== parsed.sha256)
      return bundledInfo(options, 'kept live WSDL does not match its record');
    return {
      source: 'live',
      endpoint: options.endpoint,
      wsdlPath: wsdl,
      fetchedAt: parsed.fetchedAt,
      differences: parsed.differences,
      fallbackReason: null,
    };
  } catch {
    return bundledInfo(options, 'kept live WSDL record is unreadable');
  }
}

async function checkedLiveText(
  options: LiveContractOptions,
  url: string,
): Promise<{ text: string; differences: ContractDifference[] }> {
  const text = await (options.fetchWsdl ?? fetchWsdlText)(url);
  if (Buffer.byteLength(text, 'utf8') > MAX_WSDL_BYTES) throw new Error('too large');
  const live = summariseWsdl(text);
  const missing = ESSENTIAL_OPERATIONS.filter((op) => !live.operations.includes(op));
  if (missing.length > 0) throw new WsdlReadError(`not HKA's service: no ${missing.join(', ')} operation`);
  if (live.externalReferences.length > 0)
    throw new WsdlReadError(`it refers to other documents (${live.externalReferences.slice(0, 3).join(', ')})`);
  const differences = compareContracts(summariseWsdl(readFileSync(options.bundledWsdlPath, 'utf8')), live);
  return { text, differences };
}

/**
 * Fetches, checks and keeps HKA's live WSDL; returns what the client should now be built from. On any failure the
 * previously kept live WSDL stays in use if there is one for this endpoint, else the bundled one.
 */
export async function refreshLiveContract(options: LiveContractOptions): Promise<LiveContractInfo> {
  const url = singleWsdlUrl(options.endpoint);
  const { dir, wsdl, meta } = paths(options.dataDir, options.environment);
  try {
    const { text, differences } = await checkedLiveText(options, url);
    mkdirSync(dir, { recursive: true });
    const candidate = `${wsdl}.candidate`;
    try {
      writeAtomically(candidate, text);
      await createClientAsync(candidate); // the SOAP library must be able to use it, or it is not kept
    } finally {
      rmSync(candidate, { force: true });
    }
    writeAtomically(wsdl, text);
    const fetchedAt = (options.clock ?? (() => new Date()))().toISOString();
    writeAtomically(
      meta,
      JSON.stringify({
        endpoint: options.endpoint,
        fetchedAt,
        sha256: createHash('sha256').update(text).digest('hex'),
        differences,
      }),
    );
    if (differences.length > 0) {
      options.log?.warn(
        `HKA live WSDL differs from the bundled one in ${differences.length} place(s); the register follows the live one`,
        {
          endpoint: options.endpoint,
          differences: differences.map(describeDifference),
        },
      );
    } else {
      options.log?.info('HKA live WSDL read; it agrees with the bundled one', { endpoint: options.endpoint });
    }
    return { source: 'live', endpoint: options.endpoint, wsdlPath: wsdl, fetchedAt, differences, fallbackReason: null };
  } catch (error) {
    const reason = `live WSDL not used (${error instanceof Error ? error.message : String(error)})`;
    const kept = storedLiveContract(options);
    options.log?.warn(`HKA ${reason}; using the ${kept.source} WSDL`, { endpoint: options.endpoint, url });
    return kept.source === 'live' ? kept : bundledInfo(options, reason);
  }
}
