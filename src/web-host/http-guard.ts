// Who may talk to the web host: only pages served by this host, holding this launch's token. The Host header must
// name our loopback address (defeats DNS rebinding); an Origin, when the browser sends one, must be ours (defeats
// cross-site requests); the token, random per launch, travels in a header (or, for EventSource, the query).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface Guard {
  /** 403 reason when Host or Origin is not ours, else undefined. */
  foreignOrigin(req: IncomingMessage): string | undefined;
  tokenMatches(candidate: string | null | undefined): boolean;
}

export function createGuard(origin: string, token: string): Guard {
  const host = new URL(origin).host;
  const expected = Buffer.from(token);
  return {
    foreignOrigin(req) {
      if (req.headers.host !== host) return 'unexpected Host header';
      const from = req.headers.origin;
      if (from !== undefined && from !== origin) return 'foreign Origin';
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'cross-site request';
      return undefined;
    },
    tokenMatches(candidate) {
      if (typeof candidate !== 'string') return false;
      const given = Buffer.from(candidate);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
