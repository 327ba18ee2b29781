// Public entry of the HKA simulator (development, tests, benchmarks and the app's training mode).
export { startHkaSimulator, type HkaSimulator, type HkaSimulatorOptions } from './simulator';
export { DEMO_ACCOUNT } from './accounts';
export { SIM_CODES, SIM_MESSAGES } from './sim-codes';
export { PAC_RUC, QR_BASE_URL, SIM_JWT_SECRET } from './authorization';
export {
  FaultController,
  type FaultDecision,
  type FaultHandle,
  type FaultKind,
  type FaultSchedule,
  type FaultSpec,
} from './faults';
export type { LedgerEntry } from './store/sim-store';
export type { AuthorizedDocument, SimAccount, SimBranch, SimIssuer } from './types';
