// Every fast-check property in the suite runs with one fixed seed, so `npm test` is deterministic: a property that
// fails once fails every time, with the same counterexample. FC_SEED=<n> replays another seed;
// scripts/explore-property-seeds.mjs runs the property tests under many random seeds to look for new counterexamples
// (pin what it finds as a plain test, as rfe-xml.escaping.test.ts does).
import fc from 'fast-check';

export const DEFAULT_FC_SEED = 20_261_212;

export function fastCheckSeed(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['FC_SEED'];
  if (raw === undefined || raw === '') return DEFAULT_FC_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(raw)}`);
  return seed;
}

fc.configureGlobal({ seed: fastCheckSeed() });
