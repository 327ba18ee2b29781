// The shape of window.sago, derived from the contract: one method per operation, grouped by domain
// (window.sago.sales.complete(...)), and one subscribe function per event. Both the preload (Electron) and the web
// host's shim implement it; the renderer only ever sees this type.
import type { Channel, EventName, EventPayload, Request, Response } from './contract';
import type { IpcError } from './schemas';

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

type Domain<C extends string> = C extends `${infer D}:${string}` ? D : never;
type Verb<C extends string> = C extends `${string}:${infer V}` ? V : never;

export type SagoApi = {
  [D in Domain<Channel>]: {
    [C in Channel as Domain<C> extends D ? Verb<C> : never]: (request: Request<C>) => Promise<IpcResult<Response<C>>>;
  };
} & {
  /** Subscribes to a main-process event; returns the unsubscribe function. */
  on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};
