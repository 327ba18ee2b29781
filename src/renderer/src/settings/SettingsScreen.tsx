// PLACEHOLDER (being written this session).
import type { JSX } from 'react';

export function SettingsScreen(): JSX.Element {
  return <section className="screen-placeholder" data-testid="settings-screen" />;
}
