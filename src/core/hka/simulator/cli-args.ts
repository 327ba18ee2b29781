// Command-line flags of `npm run hka-sim`.
export interface CliOptions {
  port: number;
  dbPath?: string;
  latency?: number | [number, number];
}

export const USAGE = `Usage: npm run hka-sim -- [--port <n>] [--db <file>] [--latency <ms|min-max>]
  --port     TCP port on 127.0.0.1 (default 0: any free port, printed at start)
  --db       SQLite file that keeps authorised documents across restarts (default: in memory)
  --latency  delay every answer by <ms>, or by a random value in <min-max> ms`;

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

function parseLatency(value: string): number | [number, number] {
  const range = /^(\d+)-(\d+)$/.exec(value);
  if (range) {
    const min = Number(range[1]);
    const max = Number(range[2]);
    if (min > max) throw new CliUsageError(`--latency range ${value}: min is above max`);
    return [min, max];
  }
  if (/^\d+$/.test(value)) return Number(value);
  throw new CliUsageError(`--latency expects <ms> or <min-max>, got "${value}"`);
}

/** Accepts `--flag value` and `--flag=value`. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new CliUsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const port = value();
        if (!/^\d+$/.test(port) || Number(port) > 65535)
          throw new CliUsageError(`--port expects 0-65535, got "${port}"`);
        options.port = Number(port);
        break;
      }
      case '--db':
        options.dbPath = value();
        break;
      case '--latency':
        options.latency = parseLatency(value());
        break;
      default:
        throw new CliUsageError(`Unknown argument "${arg}"`);
    }
  }
  return options;
}
