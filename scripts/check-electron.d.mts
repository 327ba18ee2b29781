// Types for the preflight script's test (the script itself is plain JavaScript: npm runs it before any build).
import type { spawnSync } from 'node:child_process';

export declare function electronProblem(dir?: string, run?: typeof spawnSync): string | undefined;
