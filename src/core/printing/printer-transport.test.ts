import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeEscPosPrinter, type FakeEscPosPrinter } from '../../../tests/fixtures/fake-escpos-printer';
import { STATUS_QUERIES } from './printer-status';
import { deviceTransport, networkTransport } from './printer-transport';

let printer: FakeEscPosPrinter;
let dir: string;
beforeAll(async () => {
  printer = await startFakeEscPosPrinter();
  dir = mkdtempSync(join(tmpdir(), 'sago-usb-'));
});
afterAll(async () => {
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('printer transports', () => {
  it('sends the bytes raw over TCP and resolves once the printer took them all', async () => {
    const big = Uint8Array.from({ length: 50_000 }, (_, i) => i % 251);
    await networkTransport('127.0.0.1', printer.port).send(big);
    expect(printer.jobs.at(-1)).toEqual(big);
  });

  it("rejects when nothing listens on the printer's port", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(networkTransport('127.0.0.1', port).send(Uint8Array.from([1]))).rejects.toThrow(/ECONNREFUSED/);
  });

  it('rejects when the printer accepts the connection but never reads to the end (timeout)', async () => {
    // A server that keeps the socket open and never answers the half-close: the job must end by its time limit.
    const silent = createServer((socket) => {
      socket.pause();
    });
    silent.on('connection', (socket) => socket.on('error', () => undefined));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      await expect(networkTransport('127.0.0.1', port, 50).send(Uint8Array.from([1, 2, 3]))).rejects.toThrow(
        /did not answer within 50 ms/,
      );
    } finally {
      silent.close();
    }
  });

  it('asks the status questions one after the other and returns the answers, without printing a job', async () => {
    const jobs = printer.jobs.length;
    printer.status = { printer: 0x1a, offlineCause: 0x32, paper: 0x7e };
    try {
      expect([...(await networkTransport('127.0.0.1', printer.port).ask!(STATUS_QUERIES))]).toEqual([0x1a, 0x32, 0x7e]);
    } finally {
      printer.status = { printer: 0x12, offlineCause: 0x12, paper: 0x12 };
    }
    expect(printer.jobs).toHaveLength(jobs);
  });

  it('returns what came within the limit when the printer does not answer, and rejects when nothing listens', async () => {
    const silent = await startFakeEscPosPrinter('silent');
    try {
      expect([...(await networkTransport('127.0.0.1', silent.port, 5000, 50).ask!(STATUS_QUERIES))]).toEqual([]);
      expect(silent.questions).toBe(1); // the next question waits for an answer that never came
    } finally {
      await silent.close();
    }
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(networkTransport('127.0.0.1', port).ask!(STATUS_QUERIES)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('has no status to ask through a USB device file (write only)', () => {
    expect('ask' in deviceTransport(join(dir, 'lp1'))).toBe(false);
  });

  it("writes to a USB printer's device, one job after the other", async () => {
    const device = join(dir, 'lp0');
    await deviceTransport(device).send(Uint8Array.from([0x1b, 0x40]));
    await deviceTransport(device).send(Uint8Array.from([0x0a]));
    expect([...readFileSync(device)]).toEqual([0x1b, 0x40, 0x0a]);
    await expect(deviceTransport(join(dir, 'missing', 'lp9')).send(Uint8Array.from([1]))).rejects.toThrow(/ENOENT/);
  });
});
