// Reads a request body with a size cap (the simulator and the web host both accept only small JSON/SOAP bodies).
import type { IncomingMessage } from 'node:http';

/** The body as UTF-8 text, or undefined when it is larger than `maxBytes` (the caller answers 413). */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
