// A barcode scanner is a keyboard: it types the code's characters and Enter, fast, into whatever has the focus. When
// nothing that takes text has it (a click on the auto-print checkbox or a button, a focused element that left the
// page), the scan went nowhere and the cashier had to click the search field and scan again. Now a printable key
// typed then goes to the product search field: the field takes the focus and gets the character, and the rest of the
// burst (and its Enter, which submits as usual) lands there by itself. Keys typed into a field, with a modifier (the
// cashier's Ctrl+C), F-keys (the till's shortcuts) and anything while a dialog is open are left where they are.
import { useEffect, useRef, type RefObject } from 'react';
import type { KeyLike } from './keyboard';

/** What has the focus, as far as a typed key goes: nothing (the page), a field that takes text, or another control. */
export type FocusKind = 'nothing' | 'editable' | 'control';

export interface ScanKey extends KeyLike {
  /** An input method is composing (dead keys, IME): the key belongs to it. */
  isComposing?: boolean;
}

/** The character the search field gets for this key, or null when the key stays where the browser sends it. */
export function scannerCharacter(key: ScanKey, focus: FocusKind, dialogOpen: boolean): string | null {
  if (dialogOpen || focus === 'editable') return null;
  if (key.ctrlKey || key.altKey || key.metaKey || key.isComposing === true) return null;
  // Printable keys are one character ("7", "A", "*"); Enter, Tab, arrows, Escape and F-keys have names.
  if ([...key.key].length !== 1) return null;
  // Space presses the focused button or ticks the focused checkbox: that is the cashier's, not a scan.
  if (key.key === ' ' && focus === 'control') return null;
  return key.key;
}

/**
 * What a key the search field gets this way does there: '+' on an empty field adds a unit to the selected line, as
 * when the field has the focus (ProductSearch.tsx), not a '+' typed into it; any other character is typed.
 */
export function redirectedKeyEffect(character: string, fieldText: string): 'stepLine' | 'type' {
  return character === '+' && fieldText.trim() === '' ? 'stepLine' : 'type';
}

/** Input types whose keys are text (an <input> with no type is "text"); the rest (checkbox, button, range…) are not. */
const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'number',
  'tel',
  'email',
  'password',
  'url',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

export interface FocusedElement {
  tagName: string;
  /** An <input>'s type. */
  type?: string;
  isContentEditable?: boolean;
}

/** How a focused element takes keys (document.activeElement: the body, or null, when nothing has the focus). */
export function focusKind(element: FocusedElement | null): FocusKind {
  const tag = element?.tagName.toUpperCase();
  if (!element || tag === 'BODY' || tag === 'HTML') return 'nothing';
  if (tag === 'TEXTAREA' || tag === 'SELECT' || element.isContentEditable === true) return 'editable';
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has((element.type ?? 'text').toLowerCase()) ? 'editable' : 'control';
  return 'control';
}

/** A modal dialog (ui/Dialog.tsx, the gerente's PIN prompt) is on screen: it keeps every key. */
const OPEN_DIALOG = '[role="dialog"][aria-modal="true"]';

/**
 * While `active` (the checkout on screen with no dialog of its own open), a printable key typed with nothing editable
 * focused goes to `search`: it takes the focus and `onText` gets its value with the character added.
 */
export function useScannerFocus(props: {
  active: boolean;
  search: RefObject<HTMLInputElement | null>;
  onText: (text: string) => void;
  /** '+' with the field empty: one more unit of the selected line. */
  onStepLine: () => void;
}): void {
  const { active, search } = props;
  // The latest callbacks, read when a key comes, so the listener is set up once per activation.
  const callbacks = useRef(props);
  callbacks.current = props;
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent): void => {
      const field = search.current;
      if (!field || e.defaultPrevented) return;
      const dialogOpen = document.querySelector(OPEN_DIALOG) !== null;
      const character = scannerCharacter(e, focusKind(document.activeElement), dialogOpen);
      if (character === null) return;
      // The key's own effect (nothing, or a character in no field) is replaced by the character in the search field.
      e.preventDefault();
      field.focus();
      if (redirectedKeyEffect(character, field.value) === 'stepLine') callbacks.current.onStepLine();
      else callbacks.current.onText(field.value + character);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, search]);
}
