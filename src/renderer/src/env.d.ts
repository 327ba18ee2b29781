// window.sago is the only way out of the sandbox: its type comes from the IPC contract in src/shared (never from
// the preload, which the renderer must not import). The preload (Electron) and the web host's shim implement it.
import type { SagoApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    readonly sago: SagoApi;
  }
}

export {};
