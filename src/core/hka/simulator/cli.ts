// `npm run hka-sim`: runs the HKA simulator in the foreground until Ctrl-C (SIGINT) or SIGTERM.
import { DEMO_ACCOUNT } from './accounts';
import { CliUsageError, USAGE, parseCliArgs, type CliOptions } from './cli-args';
import { banner } from './cli-output';
import { startHkaSimulator } from './simulator';

async function main(options: CliOptions): Promise<void> {
  const sim = await startHkaSimulator({ port: options.port, ...(options.dbPath ? { dbPath: options.dbPath } : {}) });
  if (options.latency !== undefined) sim.faults.inject({ kind: 'latency', ms: options.latency });
  console.log(banner(sim.endpoint, options, DEMO_ACCOUNT));

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the HKA simulator…`);
    sim.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Could not close cleanly:', error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

let options: CliOptions;
try {
  options = parseCliArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof CliUsageError)) throw error;
  console.error(`${error.message}\n\n${USAGE}`);
  process.exit(2);
}
main(options).catch((error: unknown) => {
  console.error('HKA simulator failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
