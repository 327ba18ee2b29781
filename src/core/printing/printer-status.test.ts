import { describe, expect, it } from 'vitest';
import { STATUS_QUERIES, decodePrinterStatus } from './printer-status';

// Answers to DLE EOT 1, 2 and 4 as an Epson-compatible printer sends them (fixed bits 1 and 4 always set).
const answers = (printer: number, cause: number, paper: number) => Uint8Array.of(printer, cause, paper);

describe('ESC/POS real-time status', () => {
  it('asks DLE EOT 1, 2 and 4', () => {
    expect(STATUS_QUERIES.map((q) => [...q])).toEqual([
      [0x10, 0x04, 1],
      [0x10, 0x04, 2],
      [0x10, 0x04, 4],
    ]);
  });

  it('reads a ready printer, and a roll near its end as still ready', () => {
    expect(decodePrinterStatus(answers(0x12, 0x12, 0x12))).toEqual({ kind: 'ready', paperNearEnd: false });
    // Drawer sensor high (bit 2 of n=1) says nothing about printing.
    expect(decodePrinterStatus(answers(0x16, 0x12, 0x12))).toEqual({ kind: 'ready', paperNearEnd: false });
    expect(decodePrinterStatus(answers(0x12, 0x12, 0x1e))).toEqual({ kind: 'ready', paperNearEnd: true });
  });

  it('says "no paper" when the roll sensor or the offline cause says so, before "offline"', () => {
    // Out of paper: offline (n=1 bit 3), stopped by paper end (n=2 bit 5), near end and end (n=4 bits 2-3, 5-6).
    expect(decodePrinterStatus(answers(0x1a, 0x32, 0x7e))).toEqual({ kind: 'problem', problem: 'paperOut' });
    expect(decodePrinterStatus(answers(0x12, 0x12, 0x72))).toEqual({ kind: 'problem', problem: 'paperOut' });
  });

  it('says "cover open" for n=2 bit 2, and "offline" for n=1 bit 3 or an error (n=2 bit 6)', () => {
    expect(decodePrinterStatus(answers(0x1a, 0x16, 0x12))).toEqual({ kind: 'problem', problem: 'coverOpen' });
    expect(decodePrinterStatus(answers(0x1a, 0x12, 0x12))).toEqual({ kind: 'problem', problem: 'offline' });
    expect(decodePrinterStatus(answers(0x12, 0x52, 0x12))).toEqual({ kind: 'problem', problem: 'offline' });
  });

  it('is unknown when answers are missing or are not status bytes (an echo, another protocol)', () => {
    expect(decodePrinterStatus(Uint8Array.of())).toEqual({ kind: 'unknown' });
    expect(decodePrinterStatus(Uint8Array.of(0x12, 0x12))).toEqual({ kind: 'unknown' });
    expect(decodePrinterStatus(answers(0x10, 0x04, 0x01))).toEqual({ kind: 'unknown' }); // the question echoed
    expect(decodePrinterStatus(answers(0x12, 0x12, 0x92))).toEqual({ kind: 'unknown' }); // bit 7 set
    expect(decodePrinterStatus(answers(0x00, 0x00, 0x00))).toEqual({ kind: 'unknown' });
  });
});
