// Fault injection: make the simulator slow, broken or unreachable on purpose, per operation and per call count, so
// the client's timeouts, retries and "did it get authorised?" recovery can be tested against known failures.
//
// Per-request faults (`inject`) are decided once per request, after its operation is known:
//   latency        wait `ms` (fixed or [min, max]) before handling; delays of several firing rules add up. The request
//                  is still processed if the client gives up meanwhile (as a real server would), unless the simulator
//                  closes first.
//   hang           accept the request and never answer (nothing processed) until the client destroys the socket or
//                  the simulator closes.
//   http500        HTTP 500 with an HTML body (an IIS error page), nothing processed.
//   soapFault      HTTP 500 with a WCF InternalServiceFault, nothing processed.
//   malformed      HTTP 200 text/xml whose body is cut off mid-element, nothing processed.
//   reset          destroy the socket without answering, nothing processed.
//   commitThenDrop process the request fully (an Enviar IS authorised and in the ledger), then destroy the socket
//                  without answering.
//   replyDelay     process the request fully (committed, in the ledger), then wait `ms` before writing the reply:
//                  the window "HKA has it, the client does not know yet" where a crashed client must not resend
//                  blindly. Delays of several firing rules add up; closing the simulator drops the held replies.
// When several outcome faults fire on one request the earliest injected wins; every matching rule still counts it.
//
// Refusing connections is not per request: `refuseConnections()` closes the listening socket (and idle keep-alive
// sockets), so new connections get ECONNREFUSED; `acceptConnections()` or `clear()` listens again on the same port.
import type { HkaOperation } from '../contract';

export type FaultKind =
  'latency' | 'replyDelay' | 'hang' | 'http500' | 'soapFault' | 'malformed' | 'reset' | 'commitThenDrop';
/** Kinds that only add time; every other kind decides what happens to the request. */
type DelayKind = 'latency' | 'replyDelay';
export type FaultOutcome = Exclude<FaultKind, DelayKind>;

/**
 * Which matching calls a fault hits, counted from the moment it is injected (1 = the next matching call):
 * 'always' until cleared, `{ next: 2 }` the next two, `{ calls: [2, 3] }` the 2nd and 3rd.
 */
export type FaultSchedule = 'always' | { next: number } | { calls: readonly number[] };

export interface FaultSpec {
  kind: FaultKind;
  /** Default '*': every request, including ones whose operation could not be determined. */
  operation?: HkaOperation | '*';
  /** Default 'always'. */
  when?: FaultSchedule;
  /** `latency` and `replyDelay` only: milliseconds, or an inclusive [min, max] range drawn uniformly. */
  ms?: number | readonly [number, number];
}

export interface FaultHandle {
  readonly id: number;
  /** Removes this fault (no effect once it has expired). */
  clear(): void;
}

export interface FaultDecision {
  /** Wait before handling the request. */
  delayMs: number;
  outcome: FaultOutcome | 'none';
  /** Wait after processing, before writing the reply; present only when a replyDelay fault fired. */
  replyDelayMs?: number;
}

/** What refusing connections needs from the HTTP layer. */
export interface ListenerSwitch {
  stopListening(): Promise<void>;
  resumeListening(): Promise<void>;
}

interface ActiveFault {
  id: number;
  spec: Required<Pick<FaultSpec, 'kind' | 'operation' | 'when'>> & Pick<FaultSpec, 'ms'>;
  seen: number;
}

const isDelayKind = (kind: FaultKind): kind is DelayKind => kind === 'latency' || kind === 'replyDelay';

function checkSpec(spec: FaultSpec): void {
  const when = spec.when ?? 'always';
  if (isDelayKind(spec.kind)) {
    const ms = spec.ms;
    const valid =
      typeof ms === 'number' ? ms >= 0 : Array.isArray(ms) && ms.length === 2 && ms[0] >= 0 && ms[0] <= ms[1];
    if (!valid) throw new Error(`A ${spec.kind} fault needs ms >= 0 or a [min, max] range with 0 <= min <= max`);
  } else if (spec.ms !== undefined) {
    throw new Error(`Only latency faults take ms (and replyDelay faults; got a ${spec.kind} fault with ms)`);
  }
  if (when !== 'always' && 'next' in when && !(Number.isInteger(when.next) && when.next >= 1)) {
    throw new Error('when.next must be a positive integer');
  }
  if (
    when !== 'always' &&
    'calls' in when &&
    (when.calls.length === 0 || !when.calls.every((n) => Number.isInteger(n) && n >= 1))
  ) {
    throw new Error('when.calls must list positive integers (1 = the next matching call)');
  }
}

export class FaultController {
  private faults: ActiveFault[] = [];
  private nextId = 1;
  private refusing = false;

  constructor(
    private readonly listener: ListenerSwitch,
    private readonly random: () => number,
  ) {}

  inject(spec: FaultSpec): FaultHandle {
    checkSpec(spec);
    const id = this.nextId++;
    this.faults.push({ id, seen: 0, spec: { ...spec, operation: spec.operation ?? '*', when: spec.when ?? 'always' } });
    return { id, clear: () => this.remove(id) };
  }

  /** Faults still waiting to fire. */
  active(): FaultSpec[] {
    return this.faults.map((f) => ({ ...f.spec }));
  }

  get refusingConnections(): boolean {
    return this.refusing;
  }

  /** Closes the listening socket: new connections get ECONNREFUSED until acceptConnections() or clear(). */
  async refuseConnections(): Promise<void> {
    if (this.refusing) return;
    this.refusing = true;
    await this.listener.stopListening();
  }

  async acceptConnections(): Promise<void> {
    if (!this.refusing) return;
    this.refusing = false;
    await this.listener.resumeListening();
  }

  /** Removes every fault and accepts connections again. */
  async clear(): Promise<void> {
    this.faults = [];
    await this.acceptConnections();
  }

  /** Called by the HTTP layer once per request (operation undefined when it could not be determined). */
  decide(operation: HkaOperation | undefined): FaultDecision {
    let delayMs = 0;
    let replyDelayMs: number | undefined;
    let outcome: FaultDecision['outcome'] = 'none';
    for (const fault of [...this.faults]) {
      if (fault.spec.operation !== '*' && fault.spec.operation !== operation) continue;
      fault.seen += 1;
      const { fires, expired } = this.schedule(fault);
      if (expired) this.remove(fault.id);
      if (!fires) continue;
      const kind = fault.spec.kind;
      if (kind === 'latency') delayMs += this.latencyOf(fault.spec.ms);
      else if (kind === 'replyDelay') replyDelayMs = (replyDelayMs ?? 0) + this.latencyOf(fault.spec.ms);
      else if (outcome === 'none') outcome = kind;
    }
    return { delayMs, outcome, ...(replyDelayMs === undefined ? {} : { replyDelayMs }) };
  }

  private schedule(fault: ActiveFault): { fires: boolean; expired: boolean } {
    const when = fault.spec.when;
    if (when === 'always') return { fires: true, expired: false };
    if ('next' in when) return { fires: fault.seen <= when.next, expired: fault.seen >= when.next };
    return { fires: when.calls.includes(fault.seen), expired: fault.seen >= Math.max(...when.calls) };
  }

  private latencyOf(ms: FaultSpec['ms']): number {
    if (typeof ms === 'number') return ms;
    if (!ms) return 0;
    const [min, max] = ms;
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private remove(id: number): void {
    this.faults = this.faults.filter((f) => f.id !== id);
  }
}
