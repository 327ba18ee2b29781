import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from './accounts';
import { CliUsageError, parseCliArgs } from './cli-args';
import { banner, curlExample } from './cli-output';

describe('parseCliArgs', () => {
  it('defaults to port 0, in memory, no latency', () => {
    expect(parseCliArgs([])).toEqual({ port: 0 });
  });

  it('reads --port, --db and --latency in both spellings', () => {
    expect(parseCliArgs(['--port', '8099', '--db=sim.db', '--latency', '200'])).toEqual({
      port: 8099,
      dbPath: 'sim.db',
      latency: 200,
    });
    expect(parseCliArgs(['--latency=50-300'])).toEqual({ port: 0, latency: [50, 300] });
  });

  it.each([
    [['--port', 'x']],
    [['--port', '70000']],
    [['--latency', '300-50']],
    [['--latency', 'fast']],
    [['--db']],
    [['--verbose']],
  ])('refuses %j', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
  });
});

describe('banner', () => {
  it('shows the endpoint, the demo tokens and a curl call for FoliosRestantes', () => {
    const endpoint = 'http://127.0.0.1:8099/ws/obj/v1.0/Service.svc';
    const text = banner(endpoint, { port: 8099, latency: [1, 2] }, DEMO_ACCOUNT);
    expect(text).toContain(`listening at ${endpoint}`);
    expect(text).toContain(`tokenEmpresa:  ${DEMO_ACCOUNT.tokenEmpresa}`);
    expect(text).toContain('latency:       [1,2] ms');
    expect(curlExample(endpoint, DEMO_ACCOUNT)).toMatch(
      /^curl -s -X POST 'http:\/\/127\.0\.0\.1:8099\/ws\/obj\/v1\.0\/Service\.svc' .*SOAPAction: "http:\/\/tempuri\.org\/IService\/FoliosRestantes".*<tem:FoliosRestantes>/,
    );
  });
});
