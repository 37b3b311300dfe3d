// Ajustes → Sincronización: the server, database, user and password; "Probar conexión"; the status
// in words; pause. Off by default; HTTPS required except for a server on this computer.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../../i18n';
import type { Translate } from '../../i18n';
import { Field } from '../../components/Field';
import { getDb } from '../../db/database';
import { CouchClient, CouchError, checkServerUrl } from '../../db/sync/couch-client';
import { getSyncConfig, saveSyncConfig, DEFAULT_SYNC_CONFIG } from '../../db/sync/config';
import type { SyncConfig } from '../../db/sync/records';
import { loadSyncPassword, passwordIsRemembered, saveSyncPassword } from './credentials';
import { syncRunnerFor } from './sync-runner';
import type { SyncStatus } from './sync-runner';
import { syncFetch } from './sync-fetch';

export function statusText(t: Translate, status: SyncStatus): string {
  switch (status.kind) {
    case 'off':
      return t('sync.status.off');
    case 'paused':
      return t('sync.status.paused', { count: status.pending });
    case 'needs_password':
      return t('sync.status.needs_password');
    case 'syncing':
      return t('sync.status.syncing');
    case 'up_to_date':
      return t('sync.status.up_to_date');
    case 'pending':
      return t('sync.status.pending', { count: status.pending });
    case 'offline':
      return t('sync.status.offline', { count: status.pending });
    case 'error':
      return t(`sync.error.${status.reason}`, { detail: status.detail });
  }
}

function errorText(t: Translate, error: unknown): string {
  if (error instanceof CouchError) return t(`sync.error.${error.kind}`, { detail: error.message });
  return t('sync.error.other', { detail: error instanceof Error ? error.message : String(error) });
}

export function SyncCard() {
  const t = useT();
  const db = getDb();
  const [config, setConfig] = useState<SyncConfig>(DEFAULT_SYNC_CONFIG);
  const [password, setPassword] = useState('');
  const [status, setStatus] = useState<SyncStatus>({ kind: 'off' });
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void getSyncConfig(db).then((saved) => live && setConfig(saved));
    void loadSyncPassword(db.name).then((saved) => live && setPassword(saved ?? ''));
    const unsubscribe = syncRunnerFor(db).subscribe(setStatus);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [db]);

  const set = (field: 'url' | 'database' | 'user') => (value: string) =>
    setConfig((current) => ({ ...current, [field]: value }));

  const problem = (): string | null => {
    if (!config.url.trim() || !config.database.trim() || !config.user.trim()) {
      return t('sync.required');
    }
    return checkServerUrl(config.url).ok ? null : t('sync.urlInvalid');
  };

  const test = async () => {
    const invalid = problem();
    if (invalid) return setMessage({ tone: 'error', text: invalid });
    setBusy(true);
    try {
      const info = await new CouchClient({ ...config, password }, syncFetch()).info();
      setMessage({ tone: 'info', text: t('sync.test.ok', { count: info.docCount }) });
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(t, error) });
    } finally {
      setBusy(false);
    }
  };

  const store = async (next: SyncConfig) => {
    setBusy(true);
    try {
      await saveSyncPassword(db.name, password);
      await saveSyncConfig(db, next);
      setConfig(next);
      void syncRunnerFor(db).syncNow();
      return true;
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(t, error) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = config.enabled ? problem() : null;
    if (invalid) return setMessage({ tone: 'error', text: invalid });
    if (await store(config)) setMessage({ tone: 'info', text: t('sync.saved') });
  };

  return (
    <div className="card" data-testid="sync-card">
      <h2>{t('sync.title')}</h2>
      <p className="screen__lead">{t('sync.intro')}</p>
      <form onSubmit={(event) => void save(event)} noValidate>
        <div className="form-grid">
          <Field label={t('sync.url')} wide>
            <input
              value={config.url}
              placeholder="https://couch.example.es"
              onChange={(ev) => set('url')(ev.target.value)}
            />
          </Field>
          <Field label={t('sync.database')}>
            <input value={config.database} onChange={(ev) => set('database')(ev.target.value)} />
          </Field>
          <Field label={t('sync.user')}>
            <input
              autoComplete="username"
              value={config.user}
              onChange={(ev) => set('user')(ev.target.value)}
            />
          </Field>
          <Field
            label={t('sync.password')}
            hint={passwordIsRemembered() ? t('sync.password.desktop') : t('sync.password.session')}
          >
            <input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(ev) => setPassword(ev.target.value)}
            />
          </Field>
        </div>
        <label style={{ display: 'block', marginTop: 'var(--space-3)' }}>
          <input
            type="checkbox"
            checked={config.enabled}
            onChange={(ev) => setConfig((current) => ({ ...current, enabled: ev.target.checked }))}
          />{' '}
          {t('sync.enable')}
        </label>
        <p role="status" data-testid="sync-status">
          <strong>{t('sync.status')}:</strong> {statusText(t, status)}
        </p>
        {message && (
          <p className={`alert alert--${message.tone}`} data-testid="sync-message">
            {message.text}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('sync.save')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void test()}>
            {t('sync.test')}
          </button>
          {config.enabled && (
            <>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void syncRunnerFor(db).syncNow()}
              >
                {t('sync.now')}
              </button>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void store({ ...config, paused: !config.paused })}
              >
                {config.paused ? t('sync.resume') : t('sync.pause')}
              </button>
            </>
          )}
        </div>
      </form>
    </div>
  );
}
