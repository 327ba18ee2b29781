// A tiny stand-in for the DGI taxpayer registry behind ConsultarRucDV. The first two entries are real (HKA's wiki
// uses them); the others are made-up test taxpayers whose DVs follow the DGI algorithm (checked in the tests).
import { normalizeRuc } from '../../../shared/fiscal/ruc-dv';
import type { SimAccount } from './types';

export interface RegisteredTaxpayer {
  tipoRuc: '1' | '2';
  ruc: string;
  dv: string;
  razonSocial: string;
  afiliadoFE: boolean;
}

export const RUC_REGISTRY: readonly RegisteredTaxpayer[] = [
  { tipoRuc: '2', ruc: '155596713-2-2015', dv: '59', razonSocial: 'THE FACTORY HKA CORP', afiliadoFE: true },
  { tipoRuc: '2', ruc: '8-NT-1-13656', dv: '43', razonSocial: 'MINISTERIO DE EDUCACION', afiliadoFE: false },
  { tipoRuc: '2', ruc: '521-136-113133', dv: '02', razonSocial: 'DISTRIBUIDORA DE PRUEBA, S.A.', afiliadoFE: true },
  { tipoRuc: '2', ruc: '29-29-29', dv: '56', razonSocial: 'SOCIEDAD ANTIGUA DE PRUEBA, S.A.', afiliadoFE: false },
  { tipoRuc: '1', ruc: '8-442-445', dv: '08', razonSocial: 'CONTRIBUYENTE NATURAL DE PRUEBA', afiliadoFE: false },
  { tipoRuc: '1', ruc: 'E-8-127702', dv: '16', razonSocial: 'RESIDENTE EXTRANJERO DE PRUEBA', afiliadoFE: false },
];

/** The built-in registry plus every configured account's issuer (an HKA customer is always enrolled in FE). */
export class RucRegistry {
  private readonly byRuc = new Map<string, RegisteredTaxpayer>();

  constructor(accounts: readonly SimAccount[], entries: readonly RegisteredTaxpayer[] = RUC_REGISTRY) {
    for (const entry of entries) this.byRuc.set(normalizeRuc(entry.ruc), entry);
    for (const { issuer } of accounts) {
      this.byRuc.set(normalizeRuc(issuer.ruc), {
        tipoRuc: issuer.tipoRuc,
        ruc: issuer.ruc,
        dv: issuer.dv,
        razonSocial: issuer.razonSocial,
        afiliadoFE: true,
      });
    }
  }

  find(ruc: string): RegisteredTaxpayer | undefined {
    return this.byRuc.get(normalizeRuc(ruc));
  }
}
