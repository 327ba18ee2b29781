// The issuer's identity as HKA registered it (RUC, DV, razón social), kept in the `issuer_identity` setting by the
// settings panel. In Simulador, until the manager saves one, the simulator's demo account is the issuer.
import { z } from 'zod';
import type { HkaEnvironment } from '../hka/contract';
import { DEMO_ACCOUNT } from '../hka/simulator/accounts';
import type { StoreDb } from '../store/open-database';
import { readJsonSetting, writeJsonSetting } from '../store/settings-repo';

export const issuerIdentitySchema = z.object({ razonSocial: z.string(), ruc: z.string(), dv: z.string() });
export type IssuerIdentity = z.infer<typeof issuerIdentitySchema>;

const KEY = 'issuer_identity';
const SIMULATOR_IDENTITY: IssuerIdentity = {
  razonSocial: DEMO_ACCOUNT.issuer.razonSocial,
  ruc: DEMO_ACCOUNT.issuer.ruc,
  dv: DEMO_ACCOUNT.issuer.dv,
};
const UNKNOWN_IDENTITY: IssuerIdentity = { razonSocial: '', ruc: '', dv: '' };

export function readIssuerIdentity(db: Pick<StoreDb, 'select'>, environment: HkaEnvironment): IssuerIdentity {
  const fallback = environment === 'simulador' ? SIMULATOR_IDENTITY : UNKNOWN_IDENTITY;
  return readJsonSetting(db, KEY, issuerIdentitySchema, fallback);
}

export function writeIssuerIdentity(db: Pick<StoreDb, 'insert'>, identity: IssuerIdentity): void {
  writeJsonSetting(db, KEY, issuerIdentitySchema, identity);
}
