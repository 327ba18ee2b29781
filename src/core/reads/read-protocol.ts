// The messages between the core and its read worker. Errors cross as data: an AppError keeps its code and Spanish
// message (a report of an unknown shift is still "not found" for the screen); anything else keeps its name and
// English message for the log, never a stack.
import type { IpcError } from '../../shared/ipc/schemas';
import { AppError } from '../app/app-error';
import type { SlicedArray } from './sliced-reply';

export interface ReadWorkerData {
  /** The running data set's file (the same one the core writes). */
  path: string;
  nativeBinding?: string | undefined;
  /** A reply's slice size in characters (sliced-reply.ts; default DEFAULT_SLICE_CHARS; tests make it small). */
  sliceChars?: number | undefined;
}

export interface ReadRequest {
  id: number;
  name: string;
  args: unknown;
}

export type SerializedError = { app: IpcError } | { name: string; message: string };

/** `sliced`: the arrays taken out of `value` as JSON slices, rebuilt on the core thread a slice per turn. */
export type ReadReply =
  | { id: number; ok: true; value: unknown; sliced?: SlicedArray[] | undefined }
  | { id: number; ok: false; error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof AppError) return { app: error.toIpcError() };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export function deserializeError(error: SerializedError): Error {
  if ('app' in error) {
    const { code, message, violations, approvalAction } = error.app;
    return new AppError(code, message, violations, approvalAction);
  }
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}
