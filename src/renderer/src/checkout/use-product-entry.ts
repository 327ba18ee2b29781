// What happens when the cashier (or the scanner) presses Enter in the search field: exact code/barcode lookup
// first, then a name search; one hit is added at once, several open a list, none offers to create the product
// (pressing Enter again on the same text opens the form). Scans are handled one after another, in order.
import { useRef, useState } from 'react';
import type { Product } from '../../../shared/ipc/schemas';
import { attempt, errorLines, sago } from '../api/sago';
import { parseSearchCommand } from './keyboard';

export type EntryOutcome =
  | { kind: 'added'; product: Product; cantidad: string }
  | { kind: 'editLine' }
  | { kind: 'createProduct'; text: string }
  | { kind: 'notFound'; text: string }
  | { kind: 'choose' }
  | { kind: 'error'; lines: string[] }
  | { kind: 'badQuantity' };

export interface ProductEntry {
  text: string;
  setText: (text: string) => void;
  results: Product[] | null;
  highlighted: number;
  setHighlighted: (index: number) => void;
  busy: boolean;
  /** Handles Enter; `onOutcome` runs once this entry (and every one typed before it) is resolved. */
  submit: (raw: string, onOutcome: (outcome: EntryOutcome) => void) => void;
  pick: (product: Product) => EntryOutcome;
  closeResults: () => void;
  /** True while a scan is being looked up (read at call time, not from the last render). */
  isPending: () => boolean;
  /** Resolves once every scan typed so far has been handled: F4 right after a scan waits for it. */
  settled: () => Promise<void>;
}

export function useProductEntry(): ProductEntry {
  const [text, setText] = useState('');
  const [results, setResults] = useState<Product[] | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const [pending, setPending] = useState(0);
  const pendingNow = useRef(0);
  const notFound = useRef<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const chosenQuantity = useRef('1');

  async function resolve(raw: string): Promise<EntryOutcome> {
    const command = parseSearchCommand(raw);
    if (command.kind === 'editLine') return { kind: 'editLine' };
    if (command.kind === 'badQuantity') return { kind: 'badQuantity' };
    if (notFound.current === raw.trim()) {
      notFound.current = null;
      return { kind: 'createProduct', text: command.text };
    }
    const exact = await attempt(() => sago().catalog.lookup({ code: command.text.slice(0, 50) }));
    if (!exact.ok) return { kind: 'error', lines: errorLines(exact.error) };
    if (exact.value) return { kind: 'added', product: exact.value, cantidad: command.cantidad };
    const found = await attempt(() => sago().catalog.search({ query: command.text.slice(0, 100), limit: 20 }));
    if (!found.ok) return { kind: 'error', lines: errorLines(found.error) };
    const [only, ...others] = found.value;
    if (only && others.length === 0) return { kind: 'added', product: only, cantidad: command.cantidad };
    if (!only) {
      notFound.current = raw.trim();
      return { kind: 'notFound', text: raw.trim() };
    }
    chosenQuantity.current = command.cantidad;
    setResults(found.value);
    setHighlighted(0);
    return { kind: 'choose' };
  }

  function submit(raw: string, onOutcome: (outcome: EntryOutcome) => void): void {
    const command = parseSearchCommand(raw);
    // Clear at once so the next scan types into an empty field while this one is looked up.
    if (command.kind === 'find') setText('');
    setResults(null);
    pendingNow.current += 1;
    setPending((n) => n + 1);
    queue.current = queue.current
      .then(() => resolve(raw))
      .then((outcome) => {
        if (outcome.kind === 'notFound' || outcome.kind === 'choose') setText((current) => (current === '' ? raw.trim() : current));
        // Only an immediate second Enter on the same unknown text opens the product form.
        if (outcome.kind !== 'notFound') notFound.current = null;
        onOutcome(outcome);
      })
      .finally(() => {
        pendingNow.current -= 1;
        setPending((n) => n - 1);
      });
  }

  function pick(product: Product): EntryOutcome {
    setResults(null);
    setText('');
    notFound.current = null;
    return { kind: 'added', product, cantidad: chosenQuantity.current };
  }

  return {
    text, setText, results, highlighted, setHighlighted, busy: pending > 0, submit, pick,
    closeResults: () => setResults(null),
    isPending: () => pendingNow.current > 0,
    settled: () => queue.current,
  };
}
