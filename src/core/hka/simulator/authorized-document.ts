// Rebuilds the AuthorizedDocument the DGI XML / CAFE builders take from what the store kept.
import { parseXml } from '../xml/xnode';
import { SIM_AMBIENTE } from './authorization';
import type { StoredDocument } from './store/sim-store';
import type { AuthorizedDocument } from './types';

export function toAuthorizedDocument(doc: StoredDocument): AuthorizedDocument {
  const branch = doc.issuer.branches.find((b) => b.codigo === doc.codigoSucursalEmisor);
  if (!branch)
    throw new Error(`Stored document ${doc.cufe} names branch ${doc.codigoSucursalEmisor}, unknown to its issuer`);
  return {
    // Kept as received: its prefixes were declared on the request's envelope, not inside it.
    documento: parseXml(doc.documentoXml, { namespaces: false }),
    issuer: doc.issuer,
    branch,
    cufe: doc.cufe,
    qr: doc.qr,
    nroProtocoloAutorizacion: doc.nroProtocoloAutorizacion,
    fechaRecepcionDGI: doc.fechaRecepcionDGI,
    ambiente: SIM_AMBIENTE,
    codigoSeguridad: doc.codigoSeguridad,
    digestValue: doc.digestValue,
    status: doc.status,
  };
}
