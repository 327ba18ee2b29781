// Head office's administration routes under hostile input: stores, enrolment codes, devices, billing-point claims,
// alert settings, console users and the catalogue (shared runner and assertions: tests/fixtures/route-fuzz.ts).
import fc from 'fast-check';
import { hostileScalar, hostileValue, mutated } from '../../../tests/fixtures/hostile-http';
import { fixed, fuzzRoutes, idSegment, type RouteSpecs } from '../../../tests/fixtures/route-fuzz';

const product = {
  codigo: 'F1',
  barcode: null,
  descripcion: 'Fuzz',
  unidad: 'und',
  precio: '1.50',
  tasaItbms: '01',
  active: true,
};

const csvImport = fc.oneof(
  mutated({ csv: 'codigo,descripcion,precio,tasaItbms\nF2,Fuzz,1.00,01\n' }),
  fc
    .array(
      fc.array(fc.oneof(hostileScalar.map(String), fc.constantFrom('F3', 'Fuzz', '2.00', '01', '"', '')), {
        minLength: 1,
        maxLength: 5,
      }),
      { maxLength: 4 },
    )
    .map((rows) => ({ csv: ['codigo,descripcion,precio,tasaItbms', ...rows.map((r) => r.join(','))].join('\n') })),
);

const specs: RouteSpecs = {
  'GET /v1/admin/stores': () => ({
    credential: 'admin',
    path: fixed('/v1/admin/stores'),
    query: ['orgId'],
    headerOnly: true,
  }),
  'POST /v1/admin/stores': () => ({
    credential: 'admin',
    path: fixed('/v1/admin/stores'),
    body: mutated({ code: '0009', name: 'Tienda' }),
  }),
  'POST /v1/admin/enrolment-codes': ({ till }) => ({
    credential: 'admin',
    path: fixed('/v1/admin/enrolment-codes'),
    body: mutated({ storeId: till.storeId, registerName: 'Caja', ttlHours: 1 }),
  }),
  'GET /v1/admin/devices': () => ({
    credential: 'admin',
    path: fixed('/v1/admin/devices'),
    query: ['orgId'],
    headerOnly: true,
  }),
  'POST /v1/admin/devices/:id/revoke': () => ({
    credential: 'admin',
    path: idSegment.map((id) => `/v1/admin/devices/${id}/revoke`),
    body: hostileValue,
  }),
  'GET /v1/admin/point-claims': () => ({
    credential: 'admin',
    path: fixed('/v1/admin/point-claims'),
    query: ['orgId'],
    headerOnly: true,
  }),
  'POST /v1/admin/point-claims/release': () => ({
    credential: 'admin',
    path: fixed('/v1/admin/point-claims/release'),
    body: mutated({ codigoSucursal: '0000', puntoFacturacion: '002' }),
  }),
  'GET /v1/admin/alert-settings': () => ({
    credential: 'admin',
    path: fixed('/v1/admin/alert-settings'),
    query: ['orgId'],
    headerOnly: true,
  }),
  'POST /v1/admin/alert-settings': () => ({
    credential: 'admin',
    path: fixed('/v1/admin/alert-settings'),
    body: mutated({
      silentAfterMinutes: 30,
      webhook: { url: 'https://example.test/hooks/sago', secret: 'whsec-0123456789abcdef' },
    }),
  }),
  'GET /v1/admin/users': () => ({
    credential: 'admin',
    path: fixed('/v1/admin/users'),
    query: ['orgId'],
    headerOnly: true,
  }),
  'POST /v1/admin/users': () => ({
    credential: 'admin',
    path: fixed('/v1/admin/users'),
    body: mutated({ login: 'contadora', password: 'contraseña-larga-1', role: 'accountant' }),
  }),
  'POST /v1/admin/users/:id/disable': () => ({
    credential: 'admin',
    path: idSegment.map((id) => `/v1/admin/users/${id}/disable`),
    body: hostileValue,
  }),
  'POST /v1/admin/catalog/products': () => ({
    credential: 'admin',
    path: fixed('/v1/admin/catalog/products'),
    body: fc.oneof(
      mutated({ products: [product] }),
      mutated(product).map((one) => ({ products: [one] })),
    ),
  }),
  'GET /v1/admin/catalog/products': () => ({
    credential: 'admin',
    path: fixed('/v1/admin/catalog/products'),
    query: ['after', 'limit'],
  }),
  'POST /v1/admin/catalog/import': () => ({
    credential: 'admin',
    path: fixed('/v1/admin/catalog/import'),
    body: csvImport,
  }),
};

fuzzRoutes('administration', specs);
