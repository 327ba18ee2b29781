// The registers' side of the central API under hostile input: enrolment, event sync, billing-point claims, catalogue
// changes, plus the loopback system routes (shared runner and assertions: tests/fixtures/route-fuzz.ts).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { auditChain } from '../../../tests/fixtures/audit-chain-events';
import { mutated } from '../../../tests/fixtures/hostile-http';
import { fixed, fuzzRoutes, type RouteSpecs } from '../../../tests/fixtures/route-fuzz';

const at = '2026-12-04T15:00:00.000Z';
const chain = auditChain(1);
const auditTemplate = () => ({
  eventId: randomUUID(),
  seq: 1,
  kind: 'audit',
  payload: chain.next({ at, details: { n: 1 } }),
});
const statusTemplate = () => ({
  eventId: randomUUID(),
  seq: 2,
  kind: 'document_status',
  payload: { documentId: 'doc-fuzz', status: 'QUEUED', at, total: '1.00' },
});

const syncEvents = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc
          .constant(null)
          .map(() => auditTemplate())
          .chain((t) =>
            fc.oneof(
              fc.constant(t),
              mutated(t),
              mutated(t).map((e) => ({ ...e, payload: t.payload })),
              mutated(t.payload).map((payload) => ({ ...t, payload })),
            ),
          ),
        fc
          .constant(null)
          .map(() => statusTemplate())
          .chain((t) =>
            fc.oneof(
              mutated(t),
              mutated(t.payload).map((payload) => ({ ...t, payload })),
            ),
          ),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((events) => ({ events })),
  mutated({ events: [] }),
);

const specs: RouteSpecs = {
  'GET /health': () => ({ credential: 'none', path: fixed('/health'), query: ['x'] }),
  'POST /v1/enrol': ({ tenant }) => ({
    credential: 'none',
    path: fixed('/v1/enrol'),
    body: mutated({
      code: `sge.${tenant.orgId}.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789`,
      registerName: 'Caja',
      codigoSucursal: '0000',
      puntoFacturacion: '001',
    }),
  }),
  'POST /v1/sync/events': () => ({ credential: 'device', path: fixed('/v1/sync/events'), body: syncEvents }),
  'POST /v1/devices/claim-point': () => ({
    credential: 'device',
    path: fixed('/v1/devices/claim-point'),
    body: mutated({ codigoSucursal: '0000', puntoFacturacion: '001' }),
  }),
  'GET /v1/catalog/changes': () => ({
    credential: 'device',
    path: fixed('/v1/catalog/changes'),
    query: ['since', 'after', 'limit'],
  }),
  'POST /v1/system/organisations': ({ systemApp }) => ({
    credential: 'operator',
    path: fixed('/v1/system/organisations'),
    body: mutated({ name: 'Cadena', keyLabel: 'inicial' }),
    app: systemApp,
  }),
  'POST /v1/system/admin-keys': ({ tenant, systemApp }) => ({
    credential: 'operator',
    path: fixed('/v1/system/admin-keys'),
    body: mutated({ orgId: tenant.orgId, label: 'otra' }),
    app: systemApp,
  }),
};

fuzzRoutes('register and system', specs);
