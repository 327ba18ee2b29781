// What the last save said: "Guardado" or the core's Spanish error lines; nothing before the first save.
import type { JSX } from 'react';
import type { IpcError } from '../../../shared/ipc/schemas';
import { errorLines } from '../api/sago';

export type Outcome = { kind: 'ok'; text: string } | { kind: 'error'; lines: string[] } | null;

export const failed = (error: IpcError): Outcome => ({ kind: 'error', lines: errorLines(error) });

export function OutcomeNotice(props: { outcome: Outcome; testId: string }): JSX.Element | null {
  const { outcome } = props;
  if (outcome === null) return null;
  if (outcome.kind === 'ok')
    return (
      <p className="notice ok" role="status" data-testid={props.testId}>
        {outcome.text}
      </p>
    );
  return (
    <div className="notice error" role="alert" data-testid={props.testId}>
      {outcome.lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}
