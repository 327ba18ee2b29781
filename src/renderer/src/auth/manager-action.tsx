// Manager-only actions from any screen:
//   const runAsManager = useManagerAction();
//   const result = await runAsManager('documents:annul', (approval) => sago().documents.annul({ id, motivo, approval }));
// A signed-in gerente's call runs directly; anyone else is first asked for a gerente's user + PIN (auth:approve for
// that action) and the call gets the one-shot approval token. Resolves null when the prompt is cancelled. The token
// lives only in this call: it is neither kept in state nor reused.
// Actions that need a gerente only sometimes (the store's loss-prevention rules: a price change, a reprint, editing
// the catalogue…) go the other way round: useWithApproval() calls first, and only when the core answers
// approval_required asks for the PIN of the action it names and calls again.
import { createContext, useCallback, useContext, useMemo, useState, type JSX, type ReactNode } from 'react';
import type { IpcResult } from '../../../shared/ipc/api';
import { ManagerPinDialog } from './ManagerPinDialog';
import { useSession } from './session';

export type RunAsManager = <T>(
  action: string,
  call: (approval: string | undefined) => Promise<IpcResult<T>>,
) => Promise<IpcResult<T> | null>;
export type WithApproval = <T>(
  call: (approval: string | undefined) => Promise<IpcResult<T>>,
) => Promise<IpcResult<T> | null>;

const direct: RunAsManager = (_action, call) => call(undefined);
const ManagerActionContext = createContext<{ runAsManager: RunAsManager; withApproval: WithApproval }>({
  runAsManager: direct,
  withApproval: (call) => call(undefined),
});

export function useManagerAction(): RunAsManager {
  return useContext(ManagerActionContext).runAsManager;
}

export function useWithApproval(): WithApproval {
  return useContext(ManagerActionContext).withApproval;
}

interface Prompt {
  action: string;
  settle: (token: string | null) => void;
}

/** Renders the PIN prompt when an action needs it. */
export function ManagerActionProvider(props: { children: ReactNode }): JSX.Element {
  const { isManager } = useSession();
  const [prompt, setPrompt] = useState<Prompt | null>(null);

  const ask = useCallback(async (action: string): Promise<string | null> => {
    const token = await new Promise<string | null>((resolve) => {
      setPrompt({ action, settle: resolve });
    });
    setPrompt(null);
    return token;
  }, []);

  const runAsManager = useCallback<RunAsManager>(
    async (action, call) => {
      if (isManager) return call(undefined);
      const token = await ask(action);
      return token === null ? null : call(token);
    },
    [isManager, ask],
  );

  const withApproval = useCallback<WithApproval>(
    async (call) => {
      const first = await call(undefined);
      if (first.ok || first.error.code !== 'approval_required' || first.error.approvalAction === undefined)
        return first;
      const token = await ask(first.error.approvalAction);
      return token === null ? null : call(token);
    },
    [ask],
  );

  const value = useMemo(() => ({ runAsManager, withApproval }), [runAsManager, withApproval]);
  return (
    <ManagerActionContext.Provider value={value}>
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
