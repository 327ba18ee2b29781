// Decision 0030: each IPC area declares its channel names, contract (access rule + schemas) and handlers side by side,
// and the central maps only spread the areas. This proves the spreading lost nothing and hid nothing: every channel
// is named, declared and handled in exactly one area, the same area each time (a channel declared in two areas would
// be silently overwritten by the spread); and, at compile time, that no area's handlers take the whole register.
import { describe, expect, it } from 'vitest';
import { approvalActionOf, type AccessRule } from '../../shared/ipc/access';
import { CHANNELS, channelAreas } from '../../shared/ipc/channels';
import { contractAreas, ipcContract } from '../../shared/ipc/contract';
import { handlerAreas } from './ipc-handlers';
import type { HandlerDeps } from './register-context';

type Area = keyof typeof contractAreas;
type DepsOf<F> = F extends (deps: infer D) => unknown ? D : never;
/** An area whose factory asks for every key of HandlerDeps (the wide context this decision removed). */
type WideArea = {
  [A in Area]: keyof HandlerDeps extends keyof DepsOf<(typeof handlerAreas)[A]> ? A : never;
}[Area];
// Compile-time proof (tsconfig.tests.json is part of the gate): naming an area here fails the typecheck.
const wideAreas: [WideArea] extends [never] ? [] : [WideArea] = [];

/** A register whose every dependency is a do-nothing stub: building the handler map calls no use case. */
function stub(): never {
  const fn = () => undefined;
  return new Proxy(fn, { get: (_t, key) => (key === 'then' ? undefined : stub()), apply: () => stub() }) as never;
}

const AREAS = Object.keys(contractAreas) as Area[];
const handlerKeys = (area: Area) => Object.keys(handlerAreas[area](stub())).sort();
const isRule = (rule: AccessRule) =>
  ['open', 'signedIn', 'gerente'].includes(rule) || approvalActionOf(rule) !== undefined;

describe('IPC areas', () => {
  it('has the same areas in the channel names, the contract and the handlers', () => {
    expect(Object.keys(channelAreas).sort()).toEqual([...AREAS].sort());
    expect(Object.keys(handlerAreas).sort()).toEqual([...AREAS].sort());
  });

  it.each(AREAS)('area %s: its names, its contract entries and its handlers are the same channels', (area) => {
    const declared = Object.keys(contractAreas[area]).sort();
    expect([...channelAreas[area]].sort()).toEqual(declared);
    expect(handlerKeys(area)).toEqual(declared);
    for (const entry of Object.values(contractAreas[area]) as { access: AccessRule }[])
      expect(isRule(entry.access)).toBe(true);
  });

  it('puts every channel in exactly one area, and the central maps are exactly the areas together', () => {
    const owners = new Map<string, Area[]>();
    for (const area of AREAS)
      for (const channel of Object.keys(contractAreas[area]))
        owners.set(channel, [...(owners.get(channel) ?? []), area]);
    const shared = [...owners].filter(([, areas]) => areas.length !== 1);
    expect(shared).toEqual([]);
    expect([...owners.keys()].sort()).toEqual(Object.keys(ipcContract).sort());
    expect([...CHANNELS].sort()).toEqual(Object.keys(ipcContract).sort());
    expect(CHANNELS).toHaveLength(new Set(CHANNELS).size);
  });

  it('gives no area the whole register (the typecheck proves it; this names the proof)', () => {
    expect(wideAreas).toEqual([]);
  });
});
