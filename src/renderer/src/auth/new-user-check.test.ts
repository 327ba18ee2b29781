import { describe, expect, it } from 'vitest';
import { newUserProblems } from './new-user-check';

describe('newUserProblems', () => {
  it('accepts a name, a username (any case, trimmed) and a 4–8 digit PIN', () => {
    expect(newUserProblems({ displayName: 'Gabriela Gerente', username: ' Gabriela.G ', pin: '2468' })).toEqual([]);
  });

  it("says every problem in Spanish, with the contract's words", () => {
    expect(newUserProblems({ displayName: 'G', username: 'g', pin: '12' })).toEqual([
      'El nombre debe tener al menos 2 caracteres',
      'El usuario debe tener de 2 a 30 letras, números, punto, guion o guion bajo',
      'El PIN debe tener de 4 a 8 dígitos',
    ]);
    expect(newUserProblems({ displayName: 'x'.repeat(61), username: 'ana maría', pin: '123456789' })).toEqual([
      'El nombre admite hasta 60 caracteres',
      'El usuario debe tener de 2 a 30 letras, números, punto, guion o guion bajo',
      'El PIN debe tener de 4 a 8 dígitos',
    ]);
  });
});
