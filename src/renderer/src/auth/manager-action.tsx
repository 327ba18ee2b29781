// PLACEHOLDER (being written this session). The contract other screens use:
//   const runAsManager = useManagerAction();
//   const result = await runAsManager('documents:annul', (approval) => sago().documents.annul({ id, motivo, approval }));
// A signed-in gerente's call runs directly; anyone else is first asked for a gerente's user + PIN (auth:approve for
// that action) and the call gets the one-shot approval token. Resolves null when the prompt is cancelled.
import { createContext, useContext, type JSX, type ReactNode } from 'react';
import type { IpcResult } from '../../../shared/ipc/api';

export type RunAsManager = <T>(action: string, call: (approval: string | undefined) => Promise<IpcResult<T>>) => Promise<IpcResult<T> | null>;

const direct: RunAsManager = (_action, call) => call(undefined);
const ManagerActionContext = createContext<RunAsManager>(direct);

export function useManagerAction(): RunAsManager {
  return useContext(ManagerActionContext);
}

/** Renders the PIN prompt when an action needs it. */
export function ManagerActionProvider(props: { children: ReactNode }): JSX.Element {
  return <ManagerActionContext.Provider value={direct}>{props.children}</ManagerActionContext.Provider>;
}
