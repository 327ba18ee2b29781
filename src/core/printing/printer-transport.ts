// How ESC/POS bytes reach a thermal printer. A network printer takes them raw on TCP (port 9100, "JetDirect"); a USB
// printer through its device (Linux usblp: /dev/usb/lp0; Windows: a shared printer's \\PC\nombre, which the
// spooler passes through raw). Both are plain Node; no printer is attached where the tests run, so tests send to a
// local TCP server and to a file, and the register is given this factory behind an interface it can replace.
import { writeFile } from 'node:fs/promises';
import { Socket } from 'node:net';

export type PrinterTarget = { kind: 'network'; host: string; port: number } | { kind: 'usb'; devicePath: string };

export interface PrinterTransport {
  /** Resolves once the printer (or its device) took every byte; rejects with an English reason otherwise. */
  send(bytes: Uint8Array): Promise<void>;
  /**
   * Asks the printer each question (a real-time status command) and waits for its one-byte answer before the next;
   * resolves with the answers that came within the time limit (fewer when the printer does not answer). Only where
   * the link reads back: a USB device written as a file does not.
   */
  ask?(questions: readonly Uint8Array[]): Promise<Uint8Array>;
}

export type TransportFactory = (target: PrinterTarget) => PrinterTransport;

/** A printer that does not answer must not hold the till: the connection and the whole job have a limit. */
export const NETWORK_TIMEOUT_MS = 5000;

/** A status question is answered at once by a printer that answers at all; beyond this the answer is "unknown". */
export const STATUS_TIMEOUT_MS = 1000;

export function networkTransport(
  host: string,
  port: number,
  timeoutMs = NETWORK_TIMEOUT_MS,
  statusTimeoutMs = STATUS_TIMEOUT_MS,
): PrinterTransport {
  return {
    ask: (questions) => askOverTcp(host, port, questions, statusTimeoutMs),
    send: (bytes) =>
      new Promise<void>((resolve, reject) => {
        const socket = new Socket();
        let settled = false;
        const finish = (error?: Error): void => {
          if (settled) return;
          settled = true;
          socket.destroy();
          if (error) reject(error);
          else resolve();
        };
        socket.setTimeout(timeoutMs, () =>
          finish(new Error(`printer ${host}:${port} did not answer within ${timeoutMs} ms`)),
        );
        socket.once('error', (error) => finish(error));
        // end() flushes the bytes and half-closes; 'close' without an error means the printer took them all.
        socket.once('close', (hadError) => {
          if (!hadError) finish();
        });
        socket.connect(port, host, () => socket.end(bytes));
      }),
  };
}

function askOverTcp(
  host: string,
  port: number,
  questions: readonly Uint8Array[],
  timeoutMs: number,
): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
    const socket = new Socket();
    const answers: number[] = [];
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(Uint8Array.from(answers));
    };
    // One limit for the whole exchange: a printer that says nothing costs the cashier this long, once.
    const timer = setTimeout(() => finish(), timeoutMs);
    const next = (): void => {
      const question = questions[answers.length];
      if (question === undefined) finish();
      else socket.write(question);
    };
    socket.once('error', (error) => finish(error));
    socket.once('close', () => finish());
    socket.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (answers.length < questions.length) answers.push(byte);
      next();
    });
    socket.connect(port, host, next);
  });
}

export function deviceTransport(devicePath: string): PrinterTransport {
  // Appending: a device takes the bytes as they come; on a plain file (tests) jobs queue up one after another.
  return { send: (bytes) => writeFile(devicePath, bytes, { flag: 'a' }) };
}

export const defaultTransports: TransportFactory = (target) =>
  target.kind === 'network' ? networkTransport(target.host, target.port) : deviceTransport(target.devicePath);
