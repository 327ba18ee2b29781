// The read worker's thread (node:worker_threads): its own read-only connection to the register's WAL database,
// answering the core's read queries one at a time. It never writes: the file is opened read-only, so a bug here
// cannot touch fiscal data. Started by read-worker.ts; bundled as its own entry for the desktop app.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { StoreDb } from '../store/open-database';
import * as schema from '../store/schema';
import { isReadName, runReadQuery, slicedReplyPaths } from './read-queries';
import { serializeError, type ReadReply, type ReadRequest, type ReadWorkerData } from './read-protocol';
import { sliceReply } from './sliced-reply';

const data = workerData as ReadWorkerData;
const port = parentPort;
if (!port) throw new Error('read-worker-entry.ts runs as a worker thread only');

const sqlite = new Database(data.path, {
  readonly: true,
  fileMustExist: true,
  ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
});
sqlite.pragma('busy_timeout = 5000');
const db: StoreDb = drizzle({ client: sqlite, schema });

port.on('message', (request: ReadRequest) => {
  let reply: ReadReply;
  try {
    if (!isReadName(request.name)) throw new Error(`Unknown read query ${request.name}`);
    const value = runReadQuery(db, request.name, request.args as never);
    const paths = slicedReplyPaths[request.name];
    if (paths) {
      const { head, sliced } = sliceReply(value, paths, data.sliceChars);
      reply = { id: request.id, ok: true, value: head, sliced };
    } else reply = { id: request.id, ok: true, value };
  } catch (error) {
    reply = { id: request.id, ok: false, error: serializeError(error) };
  }
  port.postMessage(reply);
});
