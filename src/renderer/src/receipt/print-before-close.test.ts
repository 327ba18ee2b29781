import { describe, expect, it } from 'vitest';
import { printBeforeClose, type PrintOutcome } from './print-before-close';

/** A print the test finishes by hand, counting how many were started. */
function printer() {
  const pending: ((outcome: PrintOutcome) => void)[] = [];
  const shown: PrintOutcome[] = [];
  let closed = 0;
  const once = printBeforeClose(
    () => new Promise<PrintOutcome>((resolve) => pending.push(resolve)),
    (outcome) => shown.push(outcome),
  );
  const settle = async (outcome: PrintOutcome) => {
    pending.shift()!(outcome);
    await Promise.resolve();
    await Promise.resolve();
  };
  return {
    once,
    pending,
    shown,
    settle,
    close: (auto = true) => once.close(() => (closed += 1), auto),
    closed: () => closed,
  };
}

const PAPER_OUT = ['Sin papel: cargue un rollo nuevo y reimprima el recibo (la venta está guardada).'];

describe('a receipt printed by itself, before the dialog closes', () => {
  it('prints on a close that comes before the timer, closes once it printed, and the timer then prints nothing', async () => {
    const p = printer();
    p.close();
    expect(p.pending).toHaveLength(1);
    expect(p.closed()).toBe(0); // not before the print went through
    p.close(); // a second Enter (or the scanner's) while it prints: ignored
    expect(p.pending).toHaveLength(1);
    await p.settle(null);
    expect(p.closed()).toBe(1);
    p.once.byItself();
    expect(p.pending).toHaveLength(0);
  });

  it('prints once when the timer comes first, and a close while that print is under way waits for it', async () => {
    const p = printer();
    p.once.byItself();
    p.once.byItself();
    p.close();
    expect(p.pending).toHaveLength(1);
    expect(p.closed()).toBe(0);
    await p.settle(null);
    expect(p.closed()).toBe(1);
  });

  it("keeps the dialog open on a printer's problem, shows it, and the next close closes without printing again", async () => {
    const p = printer();
    p.close();
    await p.settle(PAPER_OUT);
    expect(p.shown).toEqual([PAPER_OUT]);
    expect(p.closed()).toBe(0);
    p.close();
    expect(p.closed()).toBe(1);
    expect(p.pending).toHaveLength(0);
  });

  it('closes at once after a print that had already finished, and when the register does not print by itself', async () => {
    const done = printer();
    done.once.byItself();
    await done.settle(PAPER_OUT); // the cashier has read the problem on screen
    done.close();
    expect(done.closed()).toBe(1);
    const manual = printer();
    manual.close(false);
    expect(manual.closed()).toBe(1);
    expect(manual.pending).toHaveLength(0);
  });

  it('never holds the dialog when the print throws instead of answering', async () => {
    let closed = 0;
    const once = printBeforeClose(
      () => Promise.reject(new Error('ipc gone')),
      () => undefined,
    );
    once.close(() => (closed += 1), true);
    await Promise.resolve();
    await Promise.resolve();
    expect(closed).toBe(1);
  });
});
