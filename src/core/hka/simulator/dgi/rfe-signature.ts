// The enveloped XMLDSig of the rFE, shaped like the real PAC-signed document (REFERENCE.md §5.7): default
// namespace (no ds: prefix), C14N, RSA-SHA256, Reference URI="" with exclusive C14N then enveloped-signature,
// SHA-256 digest. The simulator holds no qualified certificate, so SignatureValue and KeyInfo are placeholders:
// valid Base64 (the schema types them base64Binary) whose decoded text says they are simulated.
import type { AuthorizedDocument } from '../types';
import { leaf, type XmlElement } from './rfe-writer';

export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';

export const SIGNATURE_ALGORITHMS = {
  canonicalization: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  signature: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  transforms: ['http://www.w3.org/2001/10/xml-exc-c14n#', 'http://www.w3.org/2000/09/xmldsig#enveloped-signature'],
  digest: 'http://www.w3.org/2001/04/xmlenc#sha256',
} as const;

export const SIMULATED_SIGNATURE_NOTICE =
  'HKA simulator: simulated signature. SignatureValue and X509Certificate are placeholders, not cryptographic ' +
  'values; this document has no fiscal validity.';

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

export function appendSignature(rfe: XmlElement, doc: AuthorizedDocument): void {
  const signature = rfe.ele(XMLDSIG_NAMESPACE, 'Signature');
  signature.com(` ${SIMULATED_SIGNATURE_NOTICE} `);
  const signedInfo = signature.ele('SignedInfo');
  signedInfo.ele('CanonicalizationMethod', { Algorithm: SIGNATURE_ALGORITHMS.canonicalization });
  signedInfo.ele('SignatureMethod', { Algorithm: SIGNATURE_ALGORITHMS.signature });
  const reference = signedInfo.ele('Reference', { URI: '' });
  const transforms = reference.ele('Transforms');
  for (const algorithm of SIGNATURE_ALGORITHMS.transforms) transforms.ele('Transform', { Algorithm: algorithm });
  reference.ele('DigestMethod', { Algorithm: SIGNATURE_ALGORITHMS.digest });
  leaf(reference, 'DigestValue', doc.digestValue);
  leaf(signature, 'SignatureValue', base64(`SIMULATED SIGNATURE (HKA simulator, not signed) ${doc.cufe}`));
  const x509 = signature.ele('KeyInfo').ele('X509Data');
  leaf(
    x509,
    'X509SubjectName',
    `CN=SIMULADOR HKA - FIRMA SIMULADA - ${doc.issuer.ruc} - ${doc.issuer.dv}, OU=FACTURA ELECTRONICA, O=FIRMA ELECTRONICA, C=PA`,
  );
  leaf(x509, 'X509Certificate', base64('SIMULATED CERTIFICATE (HKA simulator): not an X.509 certificate'));
}
