// The issuer area of the settings panel: identity (RUC + DV verified locally, razón social) and where this register
// issues from (branch, tipo de sucursal, billing point, default naturaleza). captureSale reads these at every sale,
// so a change applies to the next document. The numbering series is keyed by branch + billing point + document type
// (fiscal_series): a new branch or billing point starts (or resumes) its own series; the old one is kept untouched.
import type { z } from 'zod';
import { normalizeRuc, verifyDv } from '../../shared/fiscal/ruc-dv';
import type { Violation } from '../../shared/fiscal/validate';
import type { IssuerView, issuerInputSchema } from '../../shared/ipc/areas/settings/contract';
import { validationFailed } from '../app/app-error';
import type { HkaEnvironment } from '../hka/contract';
import type { AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { readIssuerSettings, writeIssuerSettings } from '../store/settings-repo';
import { readIssuerIdentity, writeIssuerIdentity } from './issuer-identity';
import { auditSettingsChange } from './settings-audit';

export type IssuerInput = z.output<typeof issuerInputSchema>;

export function readIssuerView(db: StoreDb, environment: HkaEnvironment): IssuerView {
  return { ...readIssuerIdentity(db, environment), ...readIssuerSettings(db) };
}

/** The DV written as two digits (the DGI's form): "5" → "05". */
const twoDigits = (dv: string) => dv.padStart(2, '0');

/** Violations of the RUC/DV pair; a DV the algorithm cannot check locally (§5.4 limits) is accepted. */
export function issuerRucViolations(ruc: string, dv: string): Violation[] {
  const check = verifyDv(ruc, twoDigits(dv));
  switch (check.status) {
    case 'valid':
    case 'unverifiable':
      return [];
    case 'mismatch':
      return [
        { path: 'dv', rule: 'dv_mismatch', message: `El DV no corresponde al RUC (se esperaba ${check.expected})` },
      ];
    case 'invalid':
      return [{ path: 'ruc', rule: 'ruc_invalid', message: check.reason }];
  }
}

export function saveIssuer(
  deps: { db: StoreDb; environment: HkaEnvironment; clock: () => Date },
  input: IssuerInput,
  by: AuditActor,
): IssuerView {
  const ruc = normalizeRuc(input.ruc);
  const violations = issuerRucViolations(ruc, input.dv);
  if (violations.length > 0) throw validationFailed(violations);
  const before = readIssuerView(deps.db, deps.environment);
  const after: IssuerView = {
    ruc,
    dv: twoDigits(input.dv),
    razonSocial: input.razonSocial,
    codigoSucursalEmisor: input.codigoSucursalEmisor,
    tipoSucursal: input.tipoSucursal,
    puntoFacturacionFiscal: input.puntoFacturacionFiscal,
    naturalezaOperacion: input.naturalezaOperacion,
    autorizadosDescarga: input.autorizadosDescarga,
  };
  deps.db.transaction(
    (tx) => {
      writeIssuerIdentity(tx, { ruc: after.ruc, dv: after.dv, razonSocial: after.razonSocial });
      writeIssuerSettings(tx, {
        codigoSucursalEmisor: after.codigoSucursalEmisor,
        tipoSucursal: after.tipoSucursal,
        puntoFacturacionFiscal: after.puntoFacturacionFiscal,
        naturalezaOperacion: after.naturalezaOperacion,
        autorizadosDescarga: after.autorizadosDescarga,
      });
      auditSettingsChange(tx, { area: 'issuer', by, before, after }, deps.clock());
    },
    { behavior: 'immediate' },
  );
  return after;
}
