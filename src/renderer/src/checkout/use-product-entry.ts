// What happens when the cashier (or the scanner) presses Enter in the search field: exact code/barcode lookup
// first, then a name search; one hit is added at once, several open a list, none raises the unknown-code alarm and
// clears the field (the next scan must not be glued to it); Enter on the empty field right after it opens the
// product form for that code. A scale label (EAN-13 20–29 with the price or weight embedded) adds its product by PLU
// with the label's quantity. Scans are handled one after another, in order.
import { useRef, useState } from 'react';
import type { Product } from '../../../shared/ipc/schemas';
import { attempt, errorLines, sago } from '../api/sago';
import { quantityForAmount, readEmbeddedBarcode, type EmbeddedRead } from '../../../shared/scale/embedded-barcode';
import { parseSearchCommand } from './keyboard';

export type EntryOutcome =
  | { kind: 'added'; product: Product; cantidad: string }
  | { kind: 'editLine' }
  | { kind: 'stepDown' }
  | { kind: 'createProduct'; text: string }
  | { kind: 'notFound'; text: string }
  | { kind: 'choose' }
  | { kind: 'error'; lines: string[] }
  | { kind: 'badQuantity' }
  | { kind: 'negativeQuantity' };

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
    if (command.kind === 'editLine' && notFound.current !== null) {
      const text = notFound.current;
      notFound.current = null;
      return { kind: 'createProduct', text };
    }
    if (command.kind === 'editLine') return { kind: 'editLine' };
    if (command.kind === 'stepDown') return { kind: 'stepDown' };
    if (command.kind === 'badQuantity') return { kind: 'badQuantity' };
    if (command.kind === 'negativeQuantity') return { kind: 'negativeQuantity' };
    const label = readEmbeddedBarcode(command.text);
    if (label) return labelOutcome(label, command.text);
    const exact = await attempt(() => sago().catalog.lookup({ code: command.text.slice(0, 50) }));
    if (!exact.ok) return { kind: 'error', lines: errorLines(exact.error) };
    if (exact.value) return { kind: 'added', product: exact.value, cantidad: command.cantidad };
    const found = await attempt(() => sago().catalog.search({ query: command.text.slice(0, 100), limit: 20 }));
    if (!found.ok) return { kind: 'error', lines: errorLines(found.error) };
    const [only, ...others] = found.value;
    if (only && others.length === 0) return { kind: 'added', product: only, cantidad: command.cantidad };
    if (!only) {
      notFound.current = command.text;
      return { kind: 'notFound', text: command.text };
    }
    chosenQuantity.current = command.cantidad;
    setResults(found.value);
    setHighlighted(0);
    return { kind: 'choose' };
  }

  /** A scale label (price or weight embedded): the product by its PLU, the quantity from the label. */
  async function labelOutcome(label: EmbeddedRead, code: string): Promise<EntryOutcome> {
    const found = await attempt(() => sago().catalog.lookup({ code: label.plu }));
    if (!found.ok) return { kind: 'error', lines: errorLines(found.error) };
    if (!found.value) {
      notFound.current = code;
      return { kind: 'notFound', text: code };
    }
    const cantidad = label.kind === 'weight' ? label.quantity : quantityForAmount(label.amount, found.value.precio);
    return cantidad === null ? { kind: 'badQuantity' } : { kind: 'added', product: found.value, cantidad };
  }

  function submit(raw: string, onOutcome: (outcome: EntryOutcome) => void): void {
    const command = parseSearchCommand(raw);
    // Clear at once so the next scan types into an empty field while this one is looked up.
    if (command.kind !== 'editLine' && command.kind !== 'badQuantity') setText('');
    setResults(null);
    pendingNow.current += 1;
    setPending((n) => n + 1);
    queue.current = queue.current
      .then(() => resolve(raw))
      .then((outcome) => {
        // A name search with several hits keeps its text to refine; an unknown code never stays in the field.
        if (outcome.kind === 'choose') setText((current) => (current === '' ? raw.trim() : current));
        // Only an immediate Enter on the empty field after the alarm opens the product form.
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
    text,
    setText,
    results,
    highlighted,
    setHighlighted,
    busy: pending > 0,
    submit,
    pick,
    closeResults: () => setResults(null),
    isPending: () => pendingNow.current > 0,
    settled: () => queue.current,
  };
}
