// Manager-only actions from any screen:
//   const runAsManager = useManagerAction();
//   const result = await runAsManager('documents:annul', (approval) => sago().documents.annul({ id, motivo, approval }));
// A signed-in gerente's call runs directly; anyone else is first asked for a gerente's user + PIN (auth:approve for
// that action) and the call gets the one-shot approval token. Resolves null when the prompt is cancelled. The token
// lives only in this call: it is neither kept in state nor reused.
import { createContext, useCallback, useContext, useState, type JSX, type ReactNode } from 'react';
import type { IpcResult } from '../../../shared/ipc/api';
import { ManagerPinDialog } from './ManagerPinDialog';
import { useSession } from './session';

export type RunAsManager = <T>(action: string, call: (approval: string | undefined) => Promise<IpcResult<T>>) => Promise<IpcResult<T> | null>;

const direct: RunAsManager = (_action, call) => call(undefined);
const ManagerActionContext = createContext<RunAsManager>(direct);

export function useManagerAction(): RunAsManager {
  return useContext(ManagerActionContext);
}

interface Prompt {
  action: string;
  settle: (token: string | null) => void;
}

/** Renders the PIN prompt when an action needs it. */
export function ManagerActionProvider(props: { children: ReactNode }): JSX.Element {
  const { isManager } = useSession();
  const [prompt, setPrompt] = useState<Prompt | null>(null);

  const runAsManager = useCallback<RunAsManager>(async (action, call) => {
    if (isManager) return call(undefined);
    const token = await new Promise<string | null>((resolve) => {
      setPrompt({ action, settle: resolve });
    });
    setPrompt(null);
    return token === null ? null : call(token);
  }, [isManager]);

  return (
    <ManagerActionContext.Provider value={runAsManager}>
      {props.children}
      {prompt ? (
        <ManagerPinDialog
          key={prompt.action}
          purpose={{ kind: 'approve', action: prompt.action }}
          onApproved={(token) => prompt.settle(token)}
          onCancel={() => prompt.settle(null)}
        />
      ) : null}
    </ManagerActionContext.Provider>
  );
}
