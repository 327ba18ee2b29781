// A document's status as a coloured badge with its label in the cashier's language.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentStatus } from '../../../shared/fiscal/lifecycle';

export function StatusBadge(props: { status: DocumentStatus }): JSX.Element {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${props.status.toLowerCase()}`} data-testid="status-badge" data-status={props.status}>
      {t(`status.${props.status}`)}
    </span>
  );
}
