// Head office's reading routes and the console's sign-in under hostile input: documents, audit, summaries, alerts,
// register status, sales, auth (shared runner and assertions: tests/fixtures/route-fuzz.ts).
import { hostileValue, mutated } from '../../../tests/fixtures/hostile-http';
import { fixed, fuzzRoutes, type RouteSpecs } from '../../../tests/fixtures/route-fuzz';

const specs: RouteSpecs = {
  'GET /v1/documents': () => ({
    credential: 'admin',
    path: fixed('/v1/documents'),
    query: ['storeId', 'deviceId', 'status', 'numero', 'from', 'to', 'cursor', 'limit'],
  }),
  'GET /v1/audit': () => ({
    credential: 'admin',
    path: fixed('/v1/audit'),
    query: ['storeId', 'deviceId', 'documentId', 'actor', 'action', 'q', 'from', 'to', 'cursor', 'limit'],
  }),
  'GET /v1/audit/chain': () => ({
    credential: 'admin',
    path: fixed('/v1/audit/chain'),
    query: ['orgId'],
    headerOnly: true,
  }),
  'GET /v1/stores/summary': () => ({
    credential: 'admin',
    path: fixed('/v1/stores/summary'),
    query: ['orgId'],
    headerOnly: true,
  }),
  'GET /v1/alerts': () => ({
    credential: 'admin',
    path: fixed('/v1/alerts'),
    query: ['state', 'rule', 'deviceId', 'storeId', 'cursor', 'limit'],
  }),
  'GET /v1/registers/status': () => ({
    credential: 'admin',
    path: fixed('/v1/registers/status'),
    query: ['orgId'],
    headerOnly: true,
  }),
  'GET /v1/sales': () => ({ credential: 'admin', path: fixed('/v1/sales'), query: ['storeId', 'from', 'to', 'by'] }),
  'POST /v1/auth/sign-in': ({ tenant }) => ({
    credential: 'none',
    path: fixed('/v1/auth/sign-in'),
    body: mutated({ organisationId: tenant.orgId, login: 'fuzz', password: 'contraseña-fuzz-1' }),
  }),
  'POST /v1/auth/sign-out': () => ({ credential: 'admin', path: fixed('/v1/auth/sign-out'), body: hostileValue }),
  'GET /v1/auth/me': () => ({ credential: 'admin', path: fixed('/v1/auth/me'), query: ['orgId'], headerOnly: true }),
};

fuzzRoutes('reading and console auth', specs);
