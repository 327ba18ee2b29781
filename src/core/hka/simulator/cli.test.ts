// The real command, as `npm run hka-sim` runs it (tsx), started and stopped with a signal.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, operationXml } from './sim-kit.fixture';

const ROOT = join(import.meta.dirname, '../../../..');

describe('hka-sim CLI', () => {
  it('prints the endpoint it really listens on, answers, and stops cleanly on SIGTERM', async () => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/core/hka/simulator/cli.ts', '--port', '0'], {
      cwd: ROOT,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const endpoint = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`CLI did not start:\n${output}`)), 8000);
        child.stdout.on('data', () => {
          const match = /listening at (http:\/\/127\.0\.0\.1:(\d+)\/ws\/obj\/v1\.0\/Service\.svc)/.exec(output);
          if (match && match[2] !== '0' && output.includes('Ctrl-C')) {
            clearTimeout(timer);
            resolve(match[1] ?? '');
          }
        });
      });
      expect(output).toContain("curl -s -X POST '" + endpoint + "'");
      expect((await call(endpoint, 'FoliosRestantes', operationXml('FoliosRestantes'))).codigo).toBe('200');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('SIGTERM: stopping the HKA simulator');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 15_000);
});
