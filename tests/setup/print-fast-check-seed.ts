// Prints the fast-check seed once per run (vitest globalSetup), so a failing property can be replayed with FC_SEED.
import { fastCheckSeed } from './fast-check-seed';

export default function printFastCheckSeed(): void {
  console.log(`fast-check seed: ${fastCheckSeed()} (replay another with FC_SEED=<n>)`);
}
