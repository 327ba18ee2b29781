import { describe, expect, it } from 'vitest';
import { computeDv } from '../../../shared/fiscal/ruc-dv';
import { DEMO_ACCOUNT } from './accounts';
import { RUC_REGISTRY, RucRegistry } from './ruc-registry';

describe('RUC_REGISTRY', () => {
  it.each(RUC_REGISTRY.map((e) => [e.ruc, e.tipoRuc, e.dv] as const))(
    '%s (tipo %s) carries the DGI DV %s',
    (ruc, tipoRuc, dv) => {
      expect(computeDv(ruc, tipoRuc)).toEqual({ status: 'ok', dv });
    },
  );

  it('finds entries whatever the spacing/case, and includes every account’s issuer', () => {
    const other = {
      ...DEMO_ACCOUNT,
      issuer: { ...DEMO_ACCOUNT.issuer, ruc: '155646463-2-2017', dv: '86', razonSocial: 'OTRA, S.A.' },
    };
    const registry = new RucRegistry([other]);
    expect(registry.find(' 8-nt-1-13656 ')?.razonSocial).toBe('MINISTERIO DE EDUCACION');
    expect(registry.find('155646463-2-2017')).toMatchObject({ dv: '86', razonSocial: 'OTRA, S.A.', afiliadoFE: true });
    expect(registry.find('155646463-2-2018')).toBeUndefined();
  });
});
