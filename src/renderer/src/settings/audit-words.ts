// The words audit-view.ts needs to render details, in the current language (the audit tab and the document page).
import { useTranslation } from 'react-i18next';
import { isKnownKind } from '../monitor/MonitorCards';
import type { DetailWords } from './audit-view';

export function useAuditWords(): DetailWords {
  const { t, i18n } = useTranslation();
  return {
    before: t('controls.audit.before'),
    after: t('controls.audit.after'),
    yes: t('controls.audit.yes'),
    no: t('controls.audit.no'),
    language: i18n.language,
    errorKind: (kind: string) => (isKnownKind(kind) ? t(`monitor.errorKinds.${kind}`) : null),
  };
}
