import { describe, expect, it } from 'vitest';
import type { XNode } from '../xml/xnode';
import { normalizeSoapAction, resolveOperation } from './dispatch';

const node = (name: string): XNode => ({ name, ns: '', attrs: {}, text: '', children: [] });

describe('normalizeSoapAction', () => {
  it('strips the optional quotes and treats empty as absent', () => {
    expect(normalizeSoapAction('"http://tempuri.org/IService/Enviar"')).toBe('http://tempuri.org/IService/Enviar');
    expect(normalizeSoapAction(' http://tempuri.org/IService/Enviar ')).toBe('http://tempuri.org/IService/Enviar');
    expect(normalizeSoapAction('""')).toBeUndefined();
    expect(normalizeSoapAction(undefined)).toBeUndefined();
  });
});

describe('resolveOperation', () => {
  it('dispatches on the action, or on the body element when there is none', () => {
    expect(resolveOperation('http://tempuri.org/IService/DescargaXML', node('DescargaXML'))).toBe('DescargaXML');
    expect(resolveOperation(undefined, node('FoliosRestantes'))).toBe('FoliosRestantes');
  });

  it('refuses unknown actions (operation names are case-sensitive) and unknown body elements', () => {
    expect(() => resolveOperation('http://tempuri.org/IService/Anulacion', node('Anulacion'))).toThrow(
      expect.objectContaining({ code: 'ActionNotSupported' }),
    );
    expect(() => resolveOperation('http://tempuri.org/IService/enviar', node('enviar'))).toThrow(
      expect.objectContaining({ code: 'ActionNotSupported' }),
    );
    expect(() => resolveOperation(undefined, node('Hola'))).toThrow(
      expect.objectContaining({ code: 'ActionNotSupported' }),
    );
  });

  it('refuses a body that belongs to another operation than the action', () => {
    expect(() => resolveOperation('http://tempuri.org/IService/Enviar', node('FoliosRestantes'))).toThrow(
      expect.objectContaining({ code: 'DeserializationFailed' }),
    );
  });
});
