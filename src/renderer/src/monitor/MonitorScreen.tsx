// PLACEHOLDER (being written this session).
import type { JSX } from 'react';

export function MonitorScreen(): JSX.Element {
  return <section className="screen-placeholder" data-testid="monitor-screen" />;
}
