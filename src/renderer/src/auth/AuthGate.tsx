// PLACEHOLDER (being written this session): first-manager setup, sign-in and lock screens in front of the app.
import type { JSX, ReactNode } from 'react';

export function AuthGate(props: { children: ReactNode }): JSX.Element {
  return <>{props.children}</>;
}
