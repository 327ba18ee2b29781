// The checkout's keyboard map: one table, shown on screen (the F-key bar) and used by the key handler, so what the
// cashier reads is what the keys do; F1 lists every key (ShortcutsDialog). F5, F11 and F12 are left alone (reload, full screen, developer tools). F6 and F7
// (address bar and caret browsing in a browser) mean nothing in the register's Electron window, so they park and
// recall sales there (decision 0013).
import { parseQuantity } from './amount-input';

export type ShortcutAction =
  | 'help'
  | 'newSale'
  | 'customer'
  | 'pay'
  | 'park'
  | 'recall'
  | 'voidLine'
  | 'reprint'
  | 'documents'
  | 'ticketDiscount'
  | 'tillReturn';

/**
 * `shift`: Shift + the key. The shifted keys sit beside their unshifted kin (a discount on the whole sale next to
 * "Cobrar", a return next to "Reimprimir"); they have buttons of their own on screen, so the F-key bar stays one row.
 */
export const SHORTCUTS: readonly { key: string; action: ShortcutAction; shift?: true }[] = [
  { key: 'F1', action: 'help' },
  { key: 'F2', action: 'newSale' },
  { key: 'F3', action: 'customer' },
  { key: 'F4', action: 'pay' },
  { key: 'F6', action: 'park' },
  { key: 'F7', action: 'recall' },
  { key: 'F8', action: 'voidLine' },
  { key: 'F9', action: 'reprint' },
  { key: 'F10', action: 'documents' },
  { key: 'F4', action: 'ticketDiscount', shift: true },
  { key: 'F9', action: 'tillReturn', shift: true },
];

/** How a shortcut is written on screen ("F4", "Shift+F4"). */
export function shortcutLabel(shortcut: { key: string; shift?: true }): string {
  return shortcut.shift ? `Shift+${shortcut.key}` : shortcut.key;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey?: boolean;
}

/** The shortcut a key press means, or null. Modified presses (Ctrl+F4 closes a tab) are never ours. */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const shift = event.shiftKey === true;
  return SHORTCUTS.find((s) => s.key === event.key && (s.shift === true) === shift)?.action ?? null;
}

/** What the search field's Enter asks for. */
export type SearchCommand =
  | { kind: 'editLine' }
  /** "-" alone: one unit less on the selected line. */
  | { kind: 'stepDown' }
  | { kind: 'find'; text: string; cantidad: string }
  | { kind: 'badQuantity'; text: string }
  /** "-1*P012": taking an item back belongs to the returns flow, never to the sale being rung up. */
  | { kind: 'negativeQuantity'; text: string };

/**
 * Enter in the search field: empty → edit the selected line; "3*7501234" (or "3x…") → 3 units of that code; anything
 * else → look it up (exact code/barcode first, then by name).
 */
export function parseSearchCommand(raw: string): SearchCommand {
  const text = raw.trim();
  if (text === '') return { kind: 'editLine' };
  if (text === '-') return { kind: 'stepDown' };
  if (/^-\s*[\d.,]*\s*[*xX]/.test(text) || /^-\s*\d/.test(text)) return { kind: 'negativeQuantity', text };
  const multiplied = /^([\d.,]+)\s*[*xX]\s*(\S.*)$/.exec(text);
  if (!multiplied) return { kind: 'find', text, cantidad: '1' };
  const [, qty = '', rest = ''] = multiplied;
  const cantidad = parseQuantity(qty);
  return cantidad.ok ? { kind: 'find', text: rest.trim(), cantidad: cantidad.value } : { kind: 'badQuantity', text };
}

/** The keys that are not F-keys, shown by F1 with the F-keys (i18n keys under shortcuts.other). */
export type OtherKey = 'enter' | 'times' | 'plus' | 'minus' | 'arrows' | 'escape' | 'exact' | 'complete';
export const OTHER_KEYS: readonly { key: string; what: OtherKey }[] = [
  { key: 'Enter', what: 'enter' },
  { key: '3*código', what: 'times' },
  { key: '+', what: 'plus' },
  { key: '- Enter', what: 'minus' },
  { key: '↑ ↓', what: 'arrows' },
  { key: 'Esc', what: 'escape' },
  { key: '+ (cobrar)', what: 'exact' },
  { key: 'F4 (cobrar)', what: 'complete' },
];
