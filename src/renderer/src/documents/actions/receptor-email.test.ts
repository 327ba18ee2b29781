import { describe, expect, it } from 'vitest';
import { receptorEmail } from './EmailPanel';

describe('receptorEmail', () => {
  it("prefills the first e-mail of the document's customer", () => {
    expect(
      receptorEmail({ cliente: { tipoClienteFE: '01', correos: ['compras@cliente.pa', 'otro@cliente.pa'] } }),
    ).toBe('compras@cliente.pa');
  });
  it('is empty when the customer has none or the document cannot be read', () => {
    expect(receptorEmail({ cliente: { tipoClienteFE: '02', pais: 'PA' } })).toBe('');
    expect(receptorEmail({ cliente: { correos: [42] } })).toBe('');
    expect(receptorEmail(null)).toBe('');
  });
});
