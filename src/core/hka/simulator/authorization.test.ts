import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCufe } from '../../../shared/fiscal/cufe';
import { DEMO_ACCOUNT } from './accounts';
import { SIM_JWT_SECRET, codigoSeguridad, digestValue, protocolNumber, qrJwt, qrUrl, simCufe } from './authorization';

describe('simCufe', () => {
  it('reproduces the HKA wiki worked example given its dSeg (§5.5)', () => {
    const cufe = simCufe({
      issuer: DEMO_ACCOUNT.issuer,
      tipoDocumento: '01',
      codigoSucursalEmisor: '0001',
      fechaEmision: '2019-05-28T10:00:00-05:00',
      numero: 5500015,
      puntoFacturacionFiscal: '565',
      tipoEmision: '01',
      codigoSeguridad: '156674904',
    });
    expect(cufe).toBe('FE0120000155596713-2-2015-5900012019052800055000155650121566749040');
    expect(parseCufe(cufe).ok).toBe(true);
  });
});

describe('codigoSeguridad', () => {
  it('is always 9 digits and never all zeros, at both ends of the random range', () => {
    expect(codigoSeguridad(() => 0)).toBe('000000001');
    expect(codigoSeguridad(() => 0.9999999999)).toBe('999999999');
    expect(codigoSeguridad(() => 0.5)).toMatch(/^\d{9}$/);
  });
});

describe('QR', () => {
  const cufe = 'FE0120000155596713-2-2015-5900012019052800055000155650121566749040';
  const digest = digestValue('<documento/>', cufe);

  it('digests the received documento text plus the CUFE (Base64 SHA-256)', () => {
    expect(digest).toBe(createHash('sha256').update(`<documento/>${cufe}`).digest('base64'));
    expect(digestValue('<documento> </documento>', cufe)).not.toBe(digest);
  });

  it('signs {chFE, iAmb, digestValue} with HS256 and the simulator key', () => {
    const [header = '', payload = '', signature] = qrJwt(cufe, digest).split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual({
      chFE: cufe,
      iAmb: '2',
      digestValue: digest,
    });
    expect(signature).toBe(createHmac('sha256', SIM_JWT_SECRET).update(`${header}.${payload}`).digest('base64url'));
  });

  it('builds the DGI test-host URL like real sample 03 (parameters not URL-encoded)', () => {
    expect(qrUrl(cufe, digest)).toBe(
      `https://dgi-fep-test.mef.gob.pa:40001/Consultas/FacturasPorQR?chFE=${cufe}&iAmb=2&digestValue=${digest}&jwt=${qrJwt(cufe, digest)}`,
    );
  });
});

describe('protocolNumber', () => {
  it('is the PAC RUC padded to 20 + year + 16-digit sequence, like the real 0000155596713-2-201520240000000000505883', () => {
    expect(protocolNumber('2024', 505883)).toBe('0000155596713-2-201520240000000000505883');
  });
});
