import { describe, expect, it } from 'vitest';
import { roleSql } from './db/prepare-database';
import { appRoleUrl } from './db/connection-config';
import { configFromEnv, describeDatabase } from './config';

describe('configFromEnv', () => {
  it('uses PGlite in ./.sago-server/pgdata when DATABASE_URL is unset or empty', () => {
    for (const env of [{}, { DATABASE_URL: '' }]) {
      const config = configFromEnv(env, '/srv/sago');
      expect(config.database).toEqual({
        kind: 'pglite',
        dataDir: '/srv/sago/.sago-server/pgdata',
        appRole: 'sago_api',
      });
      expect(config).toMatchObject({
        host: '127.0.0.1',
        port: 8787,
        trustProxy: false,
        authLimits: { maxFailures: 20, windowMs: 60_000 },
      });
    }
  });

  it('uses PostgreSQL with DATABASE_URL and the API role settings', () => {
    const config = configFromEnv({
      DATABASE_URL: 'postgres://owner:pw@db.internal:6432/sago',
      SAGO_DB_APP_ROLE: 'sago_api_prod',
      SAGO_DB_APP_PASSWORD: 's3cret',
      SAGO_DB_POOL_SIZE: '25',
      HOST: '0.0.0.0',
      PORT: '9000',
      SAGO_TRUST_PROXY: '1',
    });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://owner:pw@db.internal:6432/sago',
      appRole: 'sago_api_prod',
      appPassword: 's3cret',
      poolSize: 25,
    });
    expect(config).toMatchObject({ host: '0.0.0.0', port: 9000, trustProxy: true });
    expect(describeDatabase(config.database)).toBe('PostgreSQL db.internal:6432/sago (API role sago_api_prod)');
    expect(appRoleUrl('postgres://owner:pw@db.internal:6432/sago', 'sago_api_prod', 'a b/c')).toBe(
      'postgres://sago_api_prod:a%20b%2Fc@db.internal:6432/sago',
    );
  });

  it('names every problem of an unusable environment', () => {
    expect(() => configFromEnv({ DATABASE_URL: 'mysql://x/y', PORT: 'eighty' })).toThrow(/DATABASE_URL.*PORT/);
    expect(() => configFromEnv({ SAGO_DB_APP_ROLE: 'Robert"; drop role x' })).toThrow(/Invalid database role name/);
  });
});

describe('roleSql', () => {
  it('creates a role that can neither bypass RLS nor administer, with only the listed grants', () => {
    const text = roleSql('sago_api', "it's");
    expect(text).toContain("LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD 'it''s'");
    expect(text).toContain('GRANT SELECT, INSERT ON TABLE "audit_entries" TO "sago_api";');
    expect(text).toContain('GRANT SELECT ON TABLE "organisations" TO "sago_api";');
    expect(text).not.toMatch(/GRANT[^;]*DELETE/);
  });
});
