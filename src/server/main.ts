// Entry point of `npm run server` (see cli.ts for the commands and config.ts for the environment).
import { runCli } from './cli';

runCli(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  onSignal: (signal, handler) => void process.on(signal, handler),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
