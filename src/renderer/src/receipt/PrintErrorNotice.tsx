// Why the receipt did not print (the printer's problem in the cashier's language, or the core's refusal), above the
// receipt it is about; nothing when the last print went through.
import type { JSX } from 'react';

export function PrintErrorNotice(props: { lines: readonly string[] | null }): JSX.Element | null {
  if (!props.lines) return null;
  return (
    <div className="notice error" role="alert" data-testid="print-error">
      {props.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
