// The network half of the identity proof (identity-proof.ts holds the comparisons): given a CUFE that HKA says is
// already authorised under our key, decide whether it is ours — from the job's cached verdict when it is about the
// same CUFE, else by decoding the CUFE and, if that matches, fetching HKA's document (DescargaXML).
import type { FiscalDocument } from '../../shared/fiscal/document';
import type { DocumentTotals } from '../../shared/fiscal/totals';
import type { DatosDocumento, HkaClient, HkaCredentials } from '../hka/client/hka-client';
import type { HkaOutcome, Transient } from '../hka/client/outcomes';
import { qrOfAuthorizedXml } from '../hka/xml/authorized-qr';
import { compareCufe, compareRfe, type IdentityVerdict } from './identity-proof';

export type ProofResult =
  | { kind: 'proven'; verdict: IdentityVerdict; qr: string | undefined }
  /** HKA's document could not be fetched now (network) or HKA did not return it: ask again later. */
  | { kind: 'unproven'; transient: Transient | undefined; detail: string };

export interface ProofInput {
  cufe: string;
  document: FiscalDocument;
  totals: DocumentTotals;
  datos: DatosDocumento;
  /** The verdict stored on the job by an earlier attempt, if any. */
  cached: IdentityVerdict | undefined;
  issuerRuc: string | undefined;
}

type Timed = <T extends HkaOutcome<unknown>>(operation: string, call: () => Promise<T>) => Promise<T>;

export async function proveAnswer(
  client: HkaClient,
  credentials: HkaCredentials,
  timed: Timed,
  input: ProofInput,
): Promise<ProofResult> {
  if (input.cached && input.cached.cufe === input.cufe && !input.cached.ours) {
    return { kind: 'proven', verdict: input.cached, qr: undefined };
  }
  const byCufe = compareCufe(input.cufe, input.document, input.issuerRuc);
  if (byCufe.length > 0)
    return { kind: 'proven', verdict: { cufe: input.cufe, ours: false, mismatches: byCufe }, qr: undefined };
  const xml = await timed('DescargaXML', () => client.descargaXml(credentials, input.datos));
  if (xml.kind === 'transient')
    return { kind: 'unproven', transient: xml, detail: `DescargaXML ${xml.reason}: ${xml.detail}` };
  if (xml.kind === 'rejected')
    return { kind: 'unproven', transient: undefined, detail: `DescargaXML refused (${xml.codigo}): ${xml.mensaje}` };
  const mismatches = compareRfe(xml.data.xml, input.document, input.totals);
  return {
    kind: 'proven',
    verdict: { cufe: input.cufe, ours: mismatches.length === 0, mismatches },
    qr: qrOfAuthorizedXml(xml.data.xml),
  };
}
