// Stores and their registers: create a store, create a register's one-time enrolment code (text and QR), revoke a
// register. The server enforces everything (codes, uniqueness, tenancy); this screen explains its answers.
import { useState, type FormEvent, type JSX } from 'react';
import type { Device, EnrolmentCode, Items, Store } from '../api/types';
import { useT } from '../i18n/i18n';
import { ErrorLine, failureText } from '../ui/errors';
import { formText } from '../ui/form-text';
import { instant } from '../ui/format';
import { QrCode } from '../ui/QrCode';
import { useLoad, useSession } from '../ui/session';

export function Stores(): JSX.Element {
  const { t, language } = useT();
  const { api, role } = useSession();
  const owner = role === 'owner';
  const stores = useLoad((a) => a.get<Items<Store>>('/v1/admin/stores'), []);
  const devices = useLoad((a) => a.get<Items<Device>>('/v1/admin/devices'), []);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<EnrolmentCode | null>(null);

  async function createStore(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const storeCode = formText(form, 'code');
    const name = formText(form, 'name');
    setNotice(null);
    if (!/^[A-Za-z0-9]{4}$/.test(storeCode)) return setError(t('stores.badCode'));
    if (!name) return setError(t('stores.badName'));
    const created = await api.post<Store>('/v1/admin/stores', { code: storeCode, name });
    if (!created.ok) {
      const taken = created.failure.kind === 'refused' && created.failure.code === 'store_code_taken';
      return setError(taken ? t('stores.codeTaken', { code: storeCode }) : failureText(t, created.failure));
    }
    setError(null);
    setNotice(t('stores.created', { code: created.value.code }));
    stores.reload();
  }

  async function enrol(event: FormEvent<HTMLFormElement>, storeId: string): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const registerName = formText(form, 'registerName');
    const ttlHours = Number(formText(form, 'ttlHours') || 24);
    const created = await api.post<EnrolmentCode>('/v1/admin/enrolment-codes', { storeId, registerName, ttlHours });
    if (!created.ok) return setError(failureText(t, created.failure));
    setError(null);
    setCode(created.value);
  }

  async function revoke(device: Device): Promise<void> {
    if (!window.confirm(t('registers.confirmRevoke', { name: device.name }))) return;
    const done = await api.post(`/v1/admin/devices/${device.id}/revoke`);
    if (!done.ok) return setError(failureText(t, done.failure));
    setError(null);
    setNotice(t('registers.revokedDone', { name: device.name }));
    devices.reload();
  }

  const failure = stores.failure ?? devices.failure;
  return (
    <section>
      <h2>{t('stores.title')}</h2>
      <ErrorLine text={failure ? failureText(t, failure) : error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {owner && (
        <form className="inline" onSubmit={(e) => void createStore(e)} data-testid="create-store">
          <label>
            {t('stores.code')}
            <input name="code" maxLength={4} size={6} required />
          </label>
          <label>
            {t('stores.name')}
            <input name="name" maxLength={200} required />
          </label>
          <button type="submit">{t('stores.create')}</button>
        </form>
      )}
      {stores.data?.items.length === 0 && <p className="muted">{t('stores.none')}</p>}
      {stores.data?.items.map((store) => (
        <article key={store.id} className="card" data-testid={`store-${store.code}`}>
          <h3>
            {store.code} · {store.name}
          </h3>
          {owner && (
            <form className="inline" onSubmit={(e) => void enrol(e, store.id)}>
              <label>
                {t('stores.registerName')}
                <input name="registerName" maxLength={100} required />
              </label>
              <label>
                {t('stores.ttlHours')}
                <input name="ttlHours" type="number" min={1} max={168} defaultValue={24} />
              </label>
              <button type="submit">{t('stores.makeCode')}</button>
            </form>
          )}
        </article>
      ))}
      {code && (
        <aside className="card enrolment-code" data-testid="enrolment-code">
          <h3>{t('stores.codeTitle', { name: code.registerName })}</h3>
          <p>{t('stores.codeHelp', { expires: instant(code.expiresAt, language) })}</p>
          <p>
            {t('stores.codeLabel')}: <code data-testid="enrolment-code-text">{code.code}</code>
          </p>
          <QrCode text={code.code} label={t('stores.codeTitle', { name: code.registerName })} />
        </aside>
      )}
      <h2>{t('registers.title')}</h2>
      <button type="button" onClick={devices.reload}>
        {t('app.refresh')}
      </button>
      {devices.data?.items.length === 0 && <p className="muted">{t('registers.none')}</p>}
      {devices.data && devices.data.items.length > 0 && (
        <table className="data-table" data-testid="registers">
          <thead>
            <tr>
              <th>{t('registers.store')}</th>
              <th>{t('registers.name')}</th>
              <th>{t('registers.created')}</th>
              <th>{t('registers.lastSeen')}</th>
              <th>{t('registers.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {devices.data.items.map((d) => (
              <tr key={d.id} data-testid={`register-${d.name}`}>
                <td>{d.storeCode}</td>
                <td>{d.name}</td>
                <td>{instant(d.createdAt, language)}</td>
                <td>{instant(d.lastSeenAt, language, t('registers.never'))}</td>
                <td>
                  {d.revokedAt ? t('registers.revoked', { at: instant(d.revokedAt, language) }) : t('registers.active')}
                </td>
                <td>
                  {owner && !d.revokedAt && (
                    <button type="button" className="danger" onClick={() => void revoke(d)}>
                      {t('registers.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
