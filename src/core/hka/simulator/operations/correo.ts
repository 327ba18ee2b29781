// EnvioCorreo (REFERENCE.md §1.6.7) and RastreoCorreo (§1.6.8). Nothing is mailed: a delivery is recorded against
// the document's CUFE and the trace lists what was recorded.
import { textOf } from '../../xml/xnode';
import { panamaSpaced } from '../panama-time';
import { SIM_CODES, SIM_MESSAGES, fieldInvalid, fieldRequired } from '../sim-codes';
import { authenticate, errorResult, tokenError, validationError, type OperationHandler } from './context';
import { withDocument } from './documentos';

/** Same shape check as the DGI's e-mail fields: something@domain.tld, no spaces, at most 100 characters. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Delivery states (the real values are undocumented). A `.invalid` domain bounces, to exercise that path. */
export const DELIVERY_STATES = { delivered: 'Entregado', bounced: 'Rebotado' } as const;

function emailProblems(correo: string | undefined): string[] {
  if (correo === undefined) return [fieldRequired('correo')];
  return correo.length <= 100 && EMAIL.test(correo) ? [] : [fieldInvalid('correo')];
}

export const envioCorreo: OperationHandler = (wrapper, ctx) => {
  const correo = textOf(wrapper, 'correo');
  return withDocument(
    wrapper,
    ctx,
    (doc) => {
      const address = correo ?? '';
      ctx.store.addDelivery(
        doc.cufe,
        {
          correo: address,
          creadoEn: panamaSpaced(ctx.now),
          estado: address.toLowerCase().endsWith('.invalid') ? DELIVERY_STATES.bounced : DELIVERY_STATES.delivered,
        },
        (id) => `<sim-${String(id).padStart(8, '0')}@hka-simulador.local>`,
      );
      return { codigo: SIM_CODES.ok, resultado: 'procesado', mensaje: SIM_MESSAGES.correoOk };
    },
    emailProblems(correo),
  );
};

export const rastreoCorreo: OperationHandler = (wrapper, ctx) => {
  const account = authenticate(wrapper, ctx);
  if (!account) return tokenError();
  const cufe = textOf(wrapper, 'cufe');
  if (cufe === undefined) return validationError([fieldRequired('cufe')]);
  const doc = ctx.store.findByCufe(account.issuer.ruc, cufe);
  if (!doc) return errorResult(SIM_CODES.documentNotFound, SIM_MESSAGES.documentoNoExiste);
  return {
    codigo: SIM_CODES.ok,
    mensaje: SIM_MESSAGES.rastreo,
    listaRastreo: ctx.store.deliveries(cufe).map((d) => ({
      correo: d.correo,
      creado_en: d.creadoEn,
      estado: d.estado,
      messageId: d.messageId,
    })),
    resultado: 'procesado',
  };
};
