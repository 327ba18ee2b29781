// What every operation handler gets, plus the answers they share (token error, validation error).
import type { XNode } from '../../xml/xnode';
import { textOf } from '../../xml/xnode';
import type { AccountBook } from '../accounts';
import { SIM_CODES, SIM_MESSAGES, type SimCode } from '../sim-codes';
import type { ResultFields } from '../soap-envelope';
import type { SimStore } from '../store/sim-store';
import type { SimAccount } from '../types';

export interface OperationContext {
  store: SimStore;
  accounts: AccountBook;
  now: Date;
  random: () => number;
  /** The whole request body as received: Enviar keeps the `documento` element verbatim. */
  rawBody: string;
}

/** Handles one operation's wrapper element (`<tem:Enviar>…`); business errors are results, not exceptions. */
export type OperationHandler = (wrapper: XNode, ctx: OperationContext) => ResultFields | Promise<ResultFields>;

export function errorResult(codigo: SimCode, mensaje: string): ResultFields {
  return { codigo, resultado: 'error', mensaje };
}

/** Several problems in one answer, joined with '|' like HKA does (§1.7); duplicates removed, order kept. */
export function validationError(messages: readonly string[]): ResultFields {
  return errorResult(SIM_CODES.validation, [...new Set(messages)].join('|'));
}

export const tokenError = (): ResultFields => errorResult(SIM_CODES.invalidToken, SIM_MESSAGES.tokenInvalido);

/** The account of the tokenEmpresa/tokenPassword children of `holder` (the wrapper, or consultarRucDVRequest). */
export function authenticate(holder: XNode | undefined, ctx: OperationContext): SimAccount | undefined {
  return ctx.accounts.authenticate(textOf(holder, 'tokenEmpresa'), textOf(holder, 'tokenPassword'));
}
