// Ajustes → error log: the recent errors on this computer, a way to copy them and (desktop) open the file.
import { useState, useSyncExternalStore } from 'react';
import { useT } from '../../i18n';
import { getPlatform } from '../../platform';
import {
  clearRecentErrors,
  formatErrors,
  recentErrors,
  subscribeToErrors,
} from '../../app/error-log';
import '../../components/screen-error-boundary.css';

export function ErrorLogCard() {
  const t = useT();
  const entries = useSyncExternalStore(subscribeToErrors, recentErrors);
  const [notice, setNotice] = useState<string | null>(null);
  const desktop = getPlatform().kind === 'electron';

  const open = () => {
    getPlatform()
      .openLog()
      .then((location) => {
        if (location && !location.opened)
          setNotice(t('reliability.log.openFailed', { path: location.filePath }));
      })
      .catch((error: unknown) => setNotice(String(error)));
  };
  const copy = () => {
    navigator.clipboard
      .writeText(formatErrors(entries))
      .then(() => setNotice(t('reliability.boundary.copied')))
      .catch(() => setNotice(t('reliability.boundary.copyFailed')));
  };
  const clear = () => {
    if (window.confirm(t('reliability.log.clearConfirm'))) clearRecentErrors();
  };

  return (
    <div className="card" data-testid="error-log-card">
      <h2>{t('reliability.log')}</h2>
      <p className="screen__lead">{t('reliability.log.intro')}</p>
      <div className="toolbar reliability-actions">
        {desktop && (
          <button type="button" className="button" onClick={open}>
            {t('reliability.log.open')}
          </button>
        )}
        {entries.length > 0 && (
          <>
            <button type="button" className="button" onClick={copy}>
              {t('reliability.log.copy')}
            </button>
            <button type="button" className="button" onClick={clear}>
              {t('reliability.log.clear')}
            </button>
          </>
        )}
      </div>
      {notice && <p className="alert alert--info">{notice}</p>}
      {entries.length === 0 ? (
        <p>{t('reliability.log.empty')}</p>
      ) : (
        <details>
          <summary>
            {t('reliability.log.recent')} ({entries.length})
          </summary>
          <pre className="error-details" tabIndex={0}>
            {formatErrors([...entries].reverse())}
          </pre>
        </details>
      )}
    </div>
  );
}
