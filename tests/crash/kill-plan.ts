// When to kill each child. Most kills are random in time; a fixed share is aimed, so that every run is sure to cut
// the three windows the acceptance names instead of hoping the dice find them:
//   holdTransaction  the child keeps one capture's transaction open after taking the number: killed mid-transaction
//   holdReply        HKA holds every Enviar reply: killed once HKA has committed one ("committed, no reply yet")
//   holdRequest      HKA delays every Enviar before processing it: killed once one arrived; it commits later, after
//                    the register that sent it is dead
//   startup          killed while the child is still opening the store and starting the worker (or just after)
import type { FaultSpec } from '../../src/core/hka/simulator';

export type KillPlan =
  | { kind: 'random'; afterReadyMs: number }
  | { kind: 'startup'; afterSpawnMs: number }
  | { kind: 'holdTransaction'; capture: number }
  | { kind: 'holdReply' }
  | { kind: 'holdRequest' };

/** Faults the simulator keeps for the whole run: they widen the in-flight and committed-not-replied windows. */
export const BACKGROUND_FAULTS: FaultSpec[] = [
  { kind: 'latency', operation: 'Enviar', ms: [0, 15] },
  { kind: 'replyDelay', operation: 'Enviar', ms: [5, 60] },
  { kind: 'latency', operation: 'EstadoDocumento', ms: [0, 10] },
];

/** The fault an aimed kill needs while its child runs (cleared right after the kill). */
export function faultFor(plan: KillPlan): FaultSpec | undefined {
  switch (plan.kind) {
    case 'holdReply':
      return { kind: 'replyDelay', operation: 'Enviar', ms: 3_000 }; // outlasts the client's 600 ms timeout and the kill
    case 'holdRequest':
      return { kind: 'latency', operation: 'Enviar', ms: [1_000, 2_500] };
    case 'random':
    case 'startup':
    case 'holdTransaction':
      return undefined;
  }
}

const AIMED = { holdTransaction: 8, holdReply: 8, holdRequest: 6, startup: 5 } as const;

export function killPlans(total: number, random: () => number): KillPlan[] {
  const plans: KillPlan[] = [];
  for (let i = 0; i < AIMED.holdTransaction; i++)
    plans.push({ kind: 'holdTransaction', capture: 1 + Math.floor(random() * 12) });
  for (let i = 0; i < AIMED.holdReply; i++) plans.push({ kind: 'holdReply' });
  for (let i = 0; i < AIMED.holdRequest; i++) plans.push({ kind: 'holdRequest' });
  for (let i = 0; i < AIMED.startup; i++) plans.push({ kind: 'startup', afterSpawnMs: Math.floor(random() * 400) });
  while (plans.length < total) plans.push({ kind: 'random', afterReadyMs: Math.floor(random() * 600) });
  // Fisher–Yates with the seeded source: aimed kills are spread through the run.
  for (let i = plans.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [plans[i], plans[j]] = [plans[j] as KillPlan, plans[i] as KillPlan];
  }
  return plans;
}
