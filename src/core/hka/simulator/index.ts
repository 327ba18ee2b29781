// Public entry of the HKA simulator (development, tests, benchmarks and the app's training mode). It exports what
// its users import (knip keeps this list honest); the pieces behind it are imported from their own files.
export { startHkaSimulator, type HkaSimulator } from './simulator';
export { DEMO_ACCOUNT } from './accounts';
export type { FaultSpec } from './faults';
export type { LedgerEntry } from './store/sim-store';
