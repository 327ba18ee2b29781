// HKA accounts known to the simulator: one token pair per issuer (REFERENCE.md §1.4).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { SimAccount } from './types';

/**
 * The default account. Its issuer is HKA's own demo taxpayer (155596713-2-2015 DV 59): HKA's wiki samples issue from
 * it (the CUFE worked example of §5.5 is branch 0001) and use branches 0000 and 0001, so HKA's published requests
 * find their documents here. The tokens are simulator tokens, not secrets: they only open this simulator.
 */
export const DEMO_ACCOUNT: SimAccount = {
  tokenEmpresa: 'sim_demo_empresa_tfhka',
  tokenPassword: 'sim_demo_password',
  issuer: {
    tipoRuc: '2',
    ruc: '155596713-2-2015',
    dv: '59',
    razonSocial: 'THE FACTORY HKA CORP',
    branches: [
      {
        codigo: '0000',
        nombre: 'Casa Matriz',
        direccion: 'Ave. Samuel Lewis, Edificio Plaza Obarrio, Piso 3',
        codigoUbicacion: '8-8-7',
        provincia: 'PANAMA',
        distrito: 'PANAMA',
        corregimiento: 'BELLA VISTA',
        coordenadas: '+8.9824,-79.5199',
        telefono: '206-7500',
        correo: 'casamatriz@simulador.test',
      },
      {
        codigo: '0001',
        nombre: 'Sucursal Vía España',
        direccion: 'Vía España, Local 12',
        codigoUbicacion: '8-8-8',
        provincia: 'PANAMA',
        distrito: 'PANAMA',
        corregimiento: 'PUEBLO NUEVO',
        coordenadas: '+8.9892,-79.5201',
        telefono: '206-7501',
      },
    ],
  },
  licencia: 'SIMU-DEMO-0001',
  foliosTotalesCiclo: 5000,
  foliosTotales: 60000,
};

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Finds the account of a token pair. Compares digests in constant time so timing tells nothing about tokens. */
export class AccountBook {
  private readonly entries: { account: SimAccount; empresa: Buffer; password: Buffer }[];

  constructor(accounts: readonly SimAccount[]) {
    this.entries = accounts.map((account) => ({
      account,
      empresa: digest(account.tokenEmpresa),
      password: digest(account.tokenPassword),
    }));
  }

  authenticate(tokenEmpresa: string | undefined, tokenPassword: string | undefined): SimAccount | undefined {
    if (tokenEmpresa === undefined || tokenPassword === undefined) return undefined;
    const empresa = digest(tokenEmpresa);
    const password = digest(tokenPassword);
    const hit = this.entries.find((e) => timingSafeEqual(e.empresa, empresa) && timingSafeEqual(e.password, password));
    return hit?.account;
  }

  all(): readonly SimAccount[] {
    return this.entries.map((e) => e.account);
  }
}
