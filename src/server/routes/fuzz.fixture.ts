// The route fuzzer shared by the fuzz-*.test.ts files (fast-check, fixed seed 20261204; FC_SEED replays another):
// bodies, query strings, path ids and headers, mostly with a valid credential so the handlers are reached. Over the
// real PostgreSQL, through Fastify's inject (no sockets). Asserted for every request: never a 5xx, and a refused
// request (4xx) writes no row anywhere. The loopback system routes are fuzzed too, on their own listener.
// Each test file declares the routes of one area (`RouteSpecs`) and calls `fuzzRoutes` with them.
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authChoice,
  bodyEncoding,
  garbageAuthorization,
  hostileQuery,
  type AuthChoice,
} from '../../../tests/fixtures/hostile-http';
import {
  startSyncTestServer,
  type EnrolledRegister,
  type SyncTestServer,
  type Tenant,
} from '../../../tests/fixtures/pg-test-db';
import { fastCheckSeed } from '../../../tests/setup/fast-check-seed';
import { startSystemApp } from '../operator/system-app';

const SEED = process.env['FC_SEED'] ? fastCheckSeed() : 20_261_204;
/** Requests per route (the acceptance criterion's 1 000; routes with nothing but a header to vary get a quarter). */
const RUNS = 1_000;
/** Requests per writing route for the row-count check (sequential: it counts every table around each request). */
const WRITE_RUNS = 100;
const OPERATOR_SECRET = 'fuzz-operator-secret-0123456789abcdefghijklm';

type Credential = 'admin' | 'device' | 'none' | 'operator';

/** What a route spec may use: the tenant and register made for the run, and the loopback system app. */
export interface FuzzContext {
  tenant: Tenant;
  till: EnrolledRegister;
  systemApp: () => FastifyInstance;
}

export interface RouteSpec {
  credential: Credential;
  /** Path, possibly with a fuzzed id segment. */
  path: fc.Arbitrary<string>;
  query?: readonly string[];
  body?: fc.Arbitrary<unknown>;
  /** true: only the credential header and a query they refuse whole vary, so a quarter of the runs is plenty. */
  headerOnly?: boolean;
  app?: () => FastifyInstance;
}

/** Routes by name ('POST /v1/enrol'); the spec is built once the tenant exists. */
export type RouteSpecs = Record<string, (ctx: FuzzContext) => RouteSpec>;

export const fixed = (path: string) => fc.constant(path);
export const idSegment = fc.oneof(
  fc.uuid().map(String),
  fc.constantFrom('x', '%00', '%ED%A0%80', '..', '0000', 'a'.repeat(300)),
);

function authorization(ctx: FuzzContext, kind: Credential, choice: AuthChoice, garbage: string): string | undefined {
  if (choice === 'none' || kind === 'none') return choice === 'garbage' ? garbage : undefined;
  if (choice === 'garbage') return garbage;
  const valid = { admin: ctx.tenant.adminKey, device: ctx.till.token, operator: OPERATOR_SECRET }[kind];
  const other = { admin: ctx.till.token, device: ctx.tenant.adminKey, operator: ctx.tenant.adminKey }[kind];
  return `Bearer ${choice === 'valid' ? valid : other}`;
}

function request(
  method: string,
  path: string,
  query: string,
  body: unknown,
  encoding: string,
  auth: string | undefined,
): InjectOptions {
  const headers: Record<string, string> = auth === undefined ? {} : { authorization: auth };
  const url = query ? `${path}?${query}` : path;
  if (method === 'GET') return { method: 'GET', url, headers };
  const text = JSON.stringify(body) ?? 'null';
  // Truncated JSON: what a client cut off mid-request sends.
  if (encoding === 'raw-text')
    return {
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: text.slice(0, Math.max(1, text.length - 1)),
    };
  const contentType =
    encoding === 'text-plain'
      ? 'text/plain'
      : encoding === 'json-latin1'
        ? 'application/json; charset=latin1'
        : 'application/json';
  return { method: 'POST', url, headers: { ...headers, 'content-type': contentType }, payload: text };
}

/** Runs `work` over `items` with at most `width` in flight (the database pool serves several at once). */
async function inPool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

function inputsOf(route: RouteSpec) {
  return fc.tuple(
    route.path,
    route.query ? hostileQuery(route.query) : fc.constant(''),
    route.body ?? fc.constant(undefined),
    bodyEncoding,
    authChoice,
    garbageAuthorization,
  );
}

const countRows = async (kit: SyncTestServer) =>
  (
    await kit.superQuery<{ n: string }>(`select (
  (select count(*) from organisations) + (select count(*) from admin_keys) + (select count(*) from stores)
  + (select count(*) from devices) + (select count(*) from enrolment_codes) + (select count(*) from audit_entries)
  + (select count(*) from audit_chain_breaks) + (select count(*) from document_events) + (select count(*) from documents)
  + (select count(*) from device_point_claims where released_at is null) + (select count(*) from alert_settings)
  + (select count(*) from alert_schedule) + (select count(*) from alerts) + (select count(*) from webhook_deliveries)
  + (select count(*) from console_users where disabled_at is null)
  + (select count(*) from console_sessions where ended_at is null) + (select count(*) from catalog_products)
  + (select coalesce(sum(version), 0) from catalog_versions))::text as n`)
  )[0]?.n;

/** The three checks for every route of `specs`: never a 5xx, a refused write writes nothing, handlers reached. */
export function fuzzRoutes(area: string, specs: RouteSpecs): void {
  let kit: SyncTestServer;
  let ctx: FuzzContext;
  let system: { app: FastifyInstance; port: number } | undefined;
  const results = new Map<string, Map<number, number>>();
  const names = Object.keys(specs);

  beforeAll(async () => {
    kit = await startSyncTestServer({ authLimits: { maxFailures: 1_000_000, windowMs: 60_000 } });
    const tenant = await kit.createTenant('Cadena Fuzz');
    const till = await kit.enrolRegister(tenant, '0000', 'Caja fuzz');
    // On PostgreSQL the API role may not run the operator functions (only a PGlite server's may): granted here so
    // the system routes' handlers are reached, as they are on PGlite.
    await kit.superQuery(`grant execute on function sago_create_organisation(uuid, text, text, text), sago_add_admin_key(uuid, text, text)
    to ${pg.escapeIdentifier(kit.database.appRole)}`);
    const started = await startSystemApp(kit.server.db, OPERATOR_SECRET, { level: 'silent' });
    system = started;
    ctx = { tenant, till, systemApp: () => started.app };
  }, 60_000);

  afterAll(async () => {
    await system?.app.close();
    await kit?.close();
  });

  const routeNamed = (name: string) => {
    const spec = specs[name];
    if (!spec) throw new Error(`no fuzz spec for ${name}`);
    const route = spec(ctx);
    return { route, method: name.split(' ')[0] ?? 'GET', runs: route.headerOnly ? RUNS / 4 : RUNS };
  };

  describe(`fuzz: ${area} routes, hostile input`, () => {
    it.each(names)(
      '%s: hostile requests, never a 5xx',
      async (name) => {
        const { route, method, runs } = routeNamed(name);
        const app = route.app?.() ?? kit.server.app;
        const inputs = fc.sample(inputsOf(route), { seed: SEED, numRuns: runs });
        const statuses = new Map<number, number>();
        const failures: unknown[] = [];
        await inPool(inputs, 8, async ([path, query, body, encoding, choice, garbage]) => {
          const auth = authorization(ctx, route.credential, choice, garbage);
          const options = request(method, path, query, body, encoding, auth);
          const response = await app.inject({ ...options, remoteAddress: '127.0.0.1' });
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          if (response.statusCode >= 500 && failures.length < 3)
            failures.push({ status: response.statusCode, request: options, answer: response.body });
        });
        results.set(name, statuses);
        expect(failures).toEqual([]);
        expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(runs);
      },
      300_000,
    );

    it.each(names.filter((name) => name.startsWith('POST')))(
      `%s: ${WRITE_RUNS} requests one at a time, a refused one writes nothing`,
      async (name) => {
        const { route, method } = routeNamed(name);
        const app = route.app?.() ?? kit.server.app;
        await fc.assert(
          fc.asyncProperty(inputsOf(route), async ([path, query, body, encoding, choice, garbage]) => {
            const before = await countRows(kit);
            const auth = authorization(ctx, route.credential, choice, garbage);
            const response = await app.inject({
              ...request(method, path, query, body, encoding, auth),
              remoteAddress: '127.0.0.1',
            });
            expect(response.statusCode).toBeLessThan(500);
            if (response.statusCode >= 400) expect(await countRows(kit)).toBe(before);
          }),
          { seed: SEED, numRuns: WRITE_RUNS },
        );
      },
      300_000,
    );

    it('reached the handlers: every route answered more than auth failures', () => {
      for (const name of names) {
        const statuses = results.get(name) ?? new Map<number, number>();
        const beyondAuth = [...statuses.entries()]
          .filter(([status]) => status !== 401)
          .reduce((n, [, count]) => n + count, 0);
        const runs = routeNamed(name).runs;
        expect({ name, reached: beyondAuth > runs / 2 }).toEqual({ name, reached: true });
      }
    });
  });
}
