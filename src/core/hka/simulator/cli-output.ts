// What `npm run hka-sim` prints: where the simulator listens, the demo tokens and a call ready to paste.
import { NS, soapAction } from '../contract';
import type { CliOptions } from './cli-args';
import type { SimAccount } from './types';

/** A FoliosRestantes call with curl, for a shell. */
export function curlExample(endpoint: string, account: SimAccount): string {
  const body =
    `<soapenv:Envelope xmlns:soapenv="${NS.soapenv}" xmlns:tem="${NS.tem}"><soapenv:Body><tem:FoliosRestantes>` +
    `<tem:tokenEmpresa>${account.tokenEmpresa}</tem:tokenEmpresa>` +
    `<tem:tokenPassword>${account.tokenPassword}</tem:tokenPassword>` +
    '</tem:FoliosRestantes></soapenv:Body></soapenv:Envelope>';
  return (
    `curl -s -X POST '${endpoint}' -H 'Content-Type: text/xml; charset=utf-8' ` +
    `-H 'SOAPAction: "${soapAction('FoliosRestantes')}"' --data '${body}'`
  );
}

/**
 * The start-up banner. It shows the demo account's tokens on purpose: they are simulator tokens, not secrets, and
 * only open this simulator (the no-tokens-in-logs rule is about real HKA credentials).
 */
export function banner(endpoint: string, options: CliOptions, account: SimAccount): string {
  const { issuer } = account;
  return [
    `HKA simulator listening at ${endpoint}`,
    `  WSDL:          ${endpoint}?wsdl`,
    `  state:         ${options.dbPath ?? 'in memory (lost on exit; use --db <file> to keep it)'}`,
    ...(options.latency === undefined ? [] : [`  latency:       ${JSON.stringify(options.latency)} ms`]),
    `  tokenEmpresa:  ${account.tokenEmpresa}`,
    `  tokenPassword: ${account.tokenPassword}`,
    `  issuer:        ${issuer.razonSocial}, RUC ${issuer.ruc} DV ${issuer.dv}, branches ${issuer.branches.map((b) => b.codigo).join(', ')}`,
    '',
    'Try:',
    curlExample(endpoint, account),
    '',
    'Ctrl-C to stop.',
  ].join('\n');
}
