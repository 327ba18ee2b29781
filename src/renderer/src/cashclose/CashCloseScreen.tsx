// PLACEHOLDER (being written this session).
import type { JSX } from 'react';

export function CashCloseScreen(): JSX.Element {
  return <section className="screen-placeholder" data-testid="cashclose-screen" />;
}
