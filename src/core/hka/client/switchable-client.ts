// One HKA client whose SOAP contract can be swapped while the register runs: the queue, the monitor and the document
// actions hold this object, and when HKA's live WSDL arrives (live-contract.ts) the next call already uses a client
// built from it. Calls in flight finish on the client they started with.
import type { HkaClient } from './hka-client';

export interface SwitchableHkaClient extends HkaClient {
  /** Uses `next` for every call from now on. */
  replace(next: HkaClient): void;
}

export function switchableClient(initial: HkaClient): SwitchableHkaClient {
  let current = initial;
  return {
    get endpoint() {
      return current.endpoint;
    },
    enviar: (c, documento) => current.enviar(c, documento),
    estadoDocumento: (c, datos) => current.estadoDocumento(c, datos),
    anulacionDocumento: (c, datos, motivo) => current.anulacionDocumento(c, datos, motivo),
    descargaXml: (c, datos) => current.descargaXml(c, datos),
    descargaPdf: (c, datos) => current.descargaPdf(c, datos),
    foliosRestantes: (c) => current.foliosRestantes(c),
    envioCorreo: (c, datos, correo) => current.envioCorreo(c, datos, correo),
    rastreoCorreo: (c, cufe) => current.rastreoCorreo(c, cufe),
    consultarRucDv: (c, tipoRuc, ruc) => current.consultarRucDv(c, tipoRuc, ruc),
    testConnection: (c) => current.testConnection(c),
    close: () => current.close(),
    replace(next) {
      const previous = current;
      current = next;
      previous.close();
    },
  };
}
