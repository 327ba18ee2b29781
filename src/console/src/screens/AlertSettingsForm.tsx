// The organisation's alert settings: minutes of silence before a register is flagged, and the webhook head office's
// own systems receive alerts on. The secret is write-only (the server answers only that one is set), so the form
// never shows it back; an accountant sees the settings without the form (the server refuses their writes anyway).
import { useState, type FormEvent, type JSX } from 'react';
import { useT } from '../i18n/i18n';
import { ErrorLine, failureText } from '../ui/errors';
import { formText, formValue } from '../ui/form-text';
import { useLoad, useSession } from '../ui/session';
import { isWebhookSecret, parseSilentMinutes, type AlertSettings } from './alerts-model';

export function AlertSettingsForm(): JSX.Element {
  const { t } = useT();
  const { api, role } = useSession();
  const settings = useLoad((a) => a.get<AlertSettings>('/v1/admin/alert-settings'), []);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function save(body: Record<string, unknown>): Promise<boolean> {
    const saved = await api.post<AlertSettings>('/v1/admin/alert-settings', body);
    if (!saved.ok) {
      setNotice(null);
      setError(failureText(t, saved.failure));
      return false;
    }
    setError(null);
    setNotice(t('alerts.settings.saved'));
    settings.reload();
    return true;
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    // Kept before the first await: React clears currentTarget once the handler has returned.
    const element = event.currentTarget;
    const form = new FormData(element);
    const minutes = parseSilentMinutes(formText(form, 'silentAfterMinutes'));
    if (minutes === null) return setError(t('alerts.settings.badMinutes'));
    const url = formText(form, 'webhookUrl');
    const secret = formValue(form, 'webhookSecret');
    // A URL without a new secret keeps the webhook as it is: the secret cannot be read back to resend it.
    if (secret !== '' && !isWebhookSecret(secret)) return setError(t('alerts.settings.badSecret'));
    if (secret !== '' && url === '') return setError(t('alerts.settings.urlNeeded'));
    // The typed secret leaves the page once sent (the form resets only after a save the server took).
    if (await save({ silentAfterMinutes: minutes, ...(secret !== '' ? { webhook: { url, secret } } : {}) })) {
      element.reset();
    }
  }

  async function removeWebhook(): Promise<void> {
    if (!window.confirm(t('alerts.settings.confirmRemove'))) return;
    await save({ webhook: null });
  }

  const current = settings.data;
  return (
    <section className="settings" data-testid="alert-settings">
      <h3>{t('alerts.settings.title')}</h3>
      <ErrorLine text={settings.failure ? failureText(t, settings.failure) : error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {current && (
        <dl>
          <dt>{t('alerts.settings.silentAfter')}</dt>
          <dd data-testid="silent-after">{t('alerts.settings.minutes', { count: current.silentAfterMinutes })}</dd>
          <dt>{t('alerts.settings.webhook')}</dt>
          <dd data-testid="webhook-url">
            {current.webhook
              ? t('alerts.settings.webhookSet', { url: current.webhook.url })
              : t('alerts.settings.none')}
          </dd>
        </dl>
      )}
      {current && role === 'owner' && (
        <form className="inline" onSubmit={(e) => void submit(e)} data-testid="alert-settings-form">
          <label>
            {t('alerts.settings.silentAfter')}
            <input
              name="silentAfterMinutes"
              inputMode="numeric"
              defaultValue={String(current.silentAfterMinutes)}
              key={current.silentAfterMinutes}
              required
            />
          </label>
          <label>
            {t('alerts.settings.url')}
            <input name="webhookUrl" type="url" maxLength={2000} defaultValue={current.webhook?.url ?? ''} />
          </label>
          <label>
            {t('alerts.settings.secret')}
            <input name="webhookSecret" type="password" maxLength={256} autoComplete="new-password" />
          </label>
          <button type="submit">{t('alerts.settings.save')}</button>
          {current.webhook && (
            <button type="button" className="danger" onClick={() => void removeWebhook()}>
              {t('alerts.settings.remove')}
            </button>
          )}
        </form>
      )}
    </section>
  );
}
