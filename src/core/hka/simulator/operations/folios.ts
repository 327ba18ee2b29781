// FoliosRestantes (REFERENCE.md §1.6.6) and the folio arithmetic Enviar needs. Licences are yearly and cycles
// monthly [W]; the simulator starts an issuer's licence the first day it sees it and derives every counter from
// the documents it authorised, so the numbers are live and survive restarts.
import { addMonths, panamaDate } from '../panama-time';
import { SIM_CODES, SIM_MESSAGES } from '../sim-codes';
import type { ResultFields } from '../soap-envelope';
import type { SimStore } from '../store/sim-store';
import type { SimAccount } from '../types';
import { authenticate, tokenError, type OperationHandler } from './context';

export interface LicenceStatus {
  licencia: string;
  licenceStart: string;
  licenceEnd: string;
  ciclo: number;
  cycleStart: string;
  cycleEnd: string;
  foliosTotalesCiclo: number;
  foliosUtilizadosCiclo: number;
  foliosDisponibleCiclo: number;
  /** What is left of the licence's yearly total (decreases with every authorisation, like the cycle counter). */
  foliosTotales: number;
}

const panamaMidnightMs = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00-05:00`);

/** Whole months from `start` to `today` (both YYYY-MM-DD), never negative. */
function monthsElapsed(start: string, today: string): number {
  const [sy = 0, sm = 0] = start.split('-').map(Number);
  const [ty = 0, tm = 0] = today.split('-').map(Number);
  let months = (ty - sy) * 12 + (tm - sm);
  if (addMonths(start, months) > today) months -= 1;
  return Math.max(0, months);
}

export function licenceStatus(store: SimStore, account: SimAccount, now: Date): LicenceStatus {
  const ruc = account.issuer.ruc;
  const start = store.licenceStart(ruc, panamaDate(now));
  const months = monthsElapsed(start, panamaDate(now));
  const year = Math.floor(months / 12);
  const licenceStart = addMonths(start, 12 * year);
  const licenceEnd = addMonths(start, 12 * (year + 1));
  const cycleStart = addMonths(start, months);
  const cycleEnd = addMonths(start, months + 1);
  const usedCycle = store.countAuthorized(ruc, panamaMidnightMs(cycleStart), panamaMidnightMs(cycleEnd));
  const usedLicence = store.countAuthorized(ruc, panamaMidnightMs(licenceStart), panamaMidnightMs(licenceEnd));
  return {
    licencia: account.licencia,
    licenceStart,
    licenceEnd,
    ciclo: months - 12 * year + 1,
    cycleStart,
    cycleEnd,
    foliosTotalesCiclo: account.foliosTotalesCiclo,
    foliosUtilizadosCiclo: usedCycle,
    foliosDisponibleCiclo: Math.max(0, account.foliosTotalesCiclo - usedCycle),
    foliosTotales: Math.max(0, account.foliosTotales - usedLicence),
  };
}

export function foliosResult(status: LicenceStatus): ResultFields {
  return {
    codigo: SIM_CODES.ok,
    mensaje: SIM_MESSAGES.folios,
    licencia: status.licencia,
    fechaLicencia: `${status.licenceStart} / ${status.licenceEnd}`,
    ciclo: String(status.ciclo),
    fechaCiclo: `${status.cycleStart} / ${status.cycleEnd}`,
    foliosTotalesCiclo: String(status.foliosTotalesCiclo),
    foliosUtilizadosCiclo: String(status.foliosUtilizadosCiclo),
    foliosDisponibleCiclo: String(status.foliosDisponibleCiclo),
    foliosTotales: String(status.foliosTotales),
    resultado: 'procesado',
  };
}

export const foliosRestantes: OperationHandler = (wrapper, ctx) => {
  const account = authenticate(wrapper, ctx);
  if (!account) return tokenError();
  return foliosResult(licenceStatus(ctx.store, account, ctx.now));
};
