// Excel's three ways of writing a CSV: UTF-8 with a byte order mark, UTF-8 without, and Windows-1252 (ANSI, es).
import { describe, expect, it } from 'vitest';
import { decodeCsvBase64, decodeCsvBytes } from './decode-csv';

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with and without the byte order mark, dropping the mark', () => {
    const utf8 = new TextEncoder().encode('Café;Piña\n');
    expect(decodeCsvBytes(utf8)).toEqual({ text: 'Café;Piña\n', encoding: 'utf-8' });
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({
      text: 'Café;Piña\n',
      encoding: 'utf-8-bom',
    });
  });

  it('reads bytes that are not valid UTF-8 as Windows-1252 (é 0xE9, ñ 0xF1, € 0x80)', () => {
    const ansi = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x3b, 0x50, 0x69, 0xf1, 0x61, 0x3b, 0x80]);
    expect(decodeCsvBytes(ansi)).toEqual({ text: 'Café;Piña;€', encoding: 'windows-1252' });
    expect(decodeCsvBase64(Buffer.from(ansi).toString('base64')).text).toBe('Café;Piña;€');
  });
});
