// Operation name → handler.
import type { HkaOperation } from '../../contract';
import type { RucRegistry } from '../ruc-registry';
import { consultarRucDvHandler } from './consultar-ruc-dv';
import type { OperationHandler } from './context';
import { envioCorreo, rastreoCorreo } from './correo';
import { anulacionDocumento, descargaPdf, descargaXml, estadoDocumento } from './documentos';
import { enviar } from './enviar';
import { foliosRestantes } from './folios';

export type { OperationHandler } from './context';

export function operationHandlers(registry: RucRegistry): Record<HkaOperation, OperationHandler> {
  return {
    Enviar: enviar,
    EstadoDocumento: estadoDocumento,
    AnulacionDocumento: anulacionDocumento,
    DescargaXML: descargaXml,
    DescargaPDF: descargaPdf,
    FoliosRestantes: foliosRestantes,
    EnvioCorreo: envioCorreo,
    RastreoCorreo: rastreoCorreo,
    ConsultarRucDV: consultarRucDvHandler(registry),
  };
}
