// The receipt's layout from the manager's settings (settings:receipt): paper width and the shop's header and
// footer lines. Read once per signed-in user and again after the manager saves, so a receipt printed the moment a
// sale completes already has it (no read racing the automatic print). Until it is read, or when it cannot be, the
// receipt is plain 80 mm: a receipt without the shop's slogan beats no receipt.
import { createContext, useCallback, useContext, useEffect, useState, type JSX, type ReactNode } from 'react';
import type { ReceiptSettings } from '../../../shared/ipc/areas/settings/contract';
import { attempt, sago } from '../api/sago';
import { useSession } from '../auth/session';

export type ReceiptLayout = Pick<ReceiptSettings, 'paper' | 'headerLines' | 'footerLines'>;

export const DEFAULT_RECEIPT_LAYOUT: ReceiptLayout = { paper: '80', headerLines: [], footerLines: [] };

interface LayoutState {
  layout: ReceiptLayout;
  /** Re-reads the settings (the receipt settings screen calls it after a save). */
  reload: () => void;
}

const LayoutContext = createContext<LayoutState>({ layout: DEFAULT_RECEIPT_LAYOUT, reload: () => undefined });

export function useReceiptLayout(): LayoutState {
  return useContext(LayoutContext);
}

export function ReceiptLayoutProvider(props: { children: ReactNode }): JSX.Element {
  const { session } = useSession();
  const user = session?.user?.username ?? null;
  const [layout, setLayout] = useState<ReceiptLayout>(DEFAULT_RECEIPT_LAYOUT);
  const reload = useCallback(() => {
    void attempt(() => sago().settings.receipt({})).then((result) => {
      if (result.ok)
        setLayout({
          paper: result.value.paper,
          headerLines: result.value.headerLines,
          footerLines: result.value.footerLines,
        });
    });
  }, []);
  useEffect(() => {
    if (user !== null) reload();
  }, [user, reload]);
  return <LayoutContext.Provider value={{ layout, reload }}>{props.children}</LayoutContext.Provider>;
}
