// Exports a manager opens in a spreadsheet: RFC 4180 quoting, and no cell a spreadsheet would run as a formula.
import { describe, expect, it } from 'vitest';
import { toCsv } from './to-csv';

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, with CRLF line ends', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['Aceite, 1 litro', 'Leche "entera"'],
          ['x\ny', null],
        ],
      ),
    ).toBe('a,b\r\n"Aceite, 1 litro","Leche ""entera"""\r\n"x\ny",\r\n');
  });

  it('writes text that starts like a formula as text, and leaves numbers (negative amounts too) as numbers', () => {
    const csv = toCsv(
      ['texto'],
      [
        ['=HYPERLINK("http://x.example","clic")'],
        ['+1+1'],
        ['@SUM(A1:A9)'],
        ['-2+3'],
        ['\t=1+1'],
        ['-5.30'],
        ['+1.00'],
        [-4],
        ['12.50'],
        ['Arroz 5 lb'],
      ],
    );
    expect(csv.split('\r\n').slice(1, -1)).toEqual([
      `"'=HYPERLINK(""http://x.example"",""clic"")"`,
      "'+1+1",
      "'@SUM(A1:A9)",
      "'-2+3",
      "'\t=1+1",
      '-5.30',
      '+1.00',
      '-4',
      '12.50',
      'Arroz 5 lb',
    ]);
  });
});
