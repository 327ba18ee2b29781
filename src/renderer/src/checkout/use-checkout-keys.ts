// The till's keyboard wiring while the checkout is on screen: the global F-keys (keyboard.ts) when no dialog has them,
// the search field taking the focus back after any click outside a form field, a scanner's keys typed with no field
// focused going to it (scanner-focus.ts), and '+' stepping the selected line.
import { useCallback, useEffect, useRef, type MutableRefObject, type RefObject } from 'react';
import type { CartAction, CartState } from './cart';
import { shortcutFor, type ShortcutAction } from './keyboard';
import { useScannerFocus } from './scanner-focus';

export function useCheckoutKeys(props: {
  active: boolean;
  /** A dialog is open ('none': the till itself): the focus stays where the dialog put it. */
  openKind: string;
  refocus: () => void;
  run: (action: ShortcutAction) => void;
  /** The product search field, and how its text is set (a scanned character typed with the focus elsewhere). */
  search: RefObject<HTMLInputElement | null>;
  onText: (text: string) => void;
  /** The basket as of the last action, and its reducer's dispatch: '+' steps the selected line. */
  cartNow: MutableRefObject<CartState>;
  dispatch: (action: CartAction) => void;
}): { stepSelected: (delta: 1 | -1) => void } {
  const { active, openKind, refocus, cartNow, dispatch } = props;
  // '+' on the empty search field (ProductSearch.tsx), or typed with the focus elsewhere: the selected line's quantity.
  const stepSelected = useCallback(
    (delta: 1 | -1) => {
      const { selected } = cartNow.current;
      if (selected !== null) dispatch({ type: 'step', key: selected, delta });
    },
    [cartNow, dispatch],
  );
  useScannerFocus({
    active: active && openKind === 'none',
    search: props.search,
    onText: props.onText,
    onStepLine: () => stepSelected(1),
  });
  // The latest `run` (it closes over the current render), read when a key comes, so the listener is set up once.
  const runRef = useRef(props.run);
  runRef.current = props.run;

  // Global F-keys while the checkout is on screen and no dialog is open (dialogs keep F-keys to themselves).
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent): void => {
      const action = shortcutFor(e);
      if (!action) return;
      e.preventDefault();
      runRef.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);

  // The search field takes the focus back after any click outside a form field.
  useEffect(() => {
    if (!active || openKind !== 'none') return;
    refocus();
    const onUp = (e: MouseEvent): void => {
      if (!(e.target instanceof HTMLElement) || !e.target.closest('input, select, textarea')) refocus();
    };
    window.addEventListener('mouseup', onUp);
    return () => window.removeEventListener('mouseup', onUp);
  }, [active, openKind, refocus]);
  return { stepSelected };
}
