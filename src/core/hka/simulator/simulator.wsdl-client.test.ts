// A WSDL-driven client (the `soap` package, reading the simulator's own ?wsdl) talks to the simulator: our answers
// deserialise against the service description, and its requests (its own prefixes) are understood.
import soap from 'soap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSale } from '../../../../tests/fixtures/fiscal-documents';
import { validateDocument } from '../../../shared/fiscal/validate';
import { toHkaDocumento } from '../map-documento';
import { DEMO_ACCOUNT } from './accounts';
import { startHkaSimulator, type HkaSimulator } from './simulator';

type AsyncCall = (this: soap.Client, args: unknown) => Promise<[Record<string, unknown>]>;

/** `client.<Op>Async(args)`: the soap package generates these methods untyped. */
async function invoke(client: soap.Client, op: string, args: unknown): Promise<Record<string, unknown>> {
  const method = (client as unknown as Record<string, AsyncCall | undefined>)[`${op}Async`];
  if (!method) throw new Error(`The WSDL client has no ${op}Async`);
  const [result] = await method.call(client, args);
  return result;
}

const tokens = { tokenEmpresa: DEMO_ACCOUNT.tokenEmpresa, tokenPassword: DEMO_ACCOUNT.tokenPassword };

describe('simulator with a WSDL-driven SOAP client', () => {
  let sim: HkaSimulator;
  let client: soap.Client;
  beforeAll(async () => {
    sim = await startHkaSimulator({ clock: () => new Date('2026-11-28T15:20:00Z') });
    client = await soap.createClientAsync(`${sim.endpoint}?singleWsdl`);
  });
  afterAll(() => sim.close());

  it('serves the default WSDL file with its address pointing at the simulator', async () => {
    expect(await (await fetch(`${sim.endpoint}?wsdl`)).text()).toContain(`location="${sim.endpoint}"`);
  });

  it('authorises an Enviar and answers FoliosRestantes and ConsultarRucDV in shapes the WSDL describes', async () => {
    const checked = validateDocument(aSale());
    if (!checked.ok) throw new Error('invalid test document');
    const enviado = await invoke(client, 'Enviar', {
      ...tokens,
      documento: toHkaDocumento(checked.document, checked.totals),
    });
    expect(enviado['EnviarResult']).toMatchObject({
      codigo: '200',
      resultado: 'procesado',
      cufe: sim.ledger()[0]?.cufe,
    });

    const folios = await invoke(client, 'FoliosRestantes', tokens);
    expect(folios['FoliosRestantesResult']).toMatchObject({
      codigo: '200',
      foliosUtilizadosCiclo: '1',
      foliosDisponibleCiclo: '4999',
    });

    const ruc = await invoke(client, 'ConsultarRucDV', {
      consultarRucDVRequest: { ...tokens, tipoRuc: '2', ruc: '155596713-2-2015' },
    });
    expect(ruc['ConsultarRucDVResult']).toMatchObject({ infoRuc: { dv: '59', razonSocial: 'THE FACTORY HKA CORP' } });
  });
});
