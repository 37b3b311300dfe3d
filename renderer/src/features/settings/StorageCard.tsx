// Ajustes → storage: whether the data is persistent, how much space it takes and how much is left.
import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import {
  formatBytes,
  isStorageLow,
  readStorageStatus,
  requestPersistentStorage,
  type StorageStatus,
} from '../../app/storage';
import '../../components/screen-error-boundary.css';

/** "0,4" — or "< 0,01" rather than a misleading "0" for a small but real amount. */
function percentText(usage: number, quota: number, locale: string): string {
  const percent = (usage / quota) * 100;
  if (percent > 0 && percent < 0.01) return `< ${(0.01).toLocaleString(locale)}`;
  return percent.toLocaleString(locale, { maximumFractionDigits: 2 });
}

export function StorageCard() {
  const t = useT();
  const { locale } = useFormat();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [refused, setRefused] = useState(false);

  const refresh = useCallback(() => {
    readStorageStatus()
      .then(setStatus)
      .catch(() => setStatus({ persisted: null, usage: null, quota: null }));
  }, []);
  useEffect(refresh, [refresh]);

  const ask = () => {
    void requestPersistentStorage().then((granted) => {
      setRefused(!granted);
      refresh();
    });
  };

  const { usage, quota, persisted } = status ?? { usage: null, quota: null, persisted: null };
  const known = usage !== null && quota !== null && quota > 0;
  return (
    <div className="card" data-testid="storage-card">
      <h2>{t('reliability.storage')}</h2>
      <p className="screen__lead">{t('reliability.storage.intro')}</p>
      {status === null ? null : known ? (
        <>
          <p>
            {t('reliability.storage.usage', {
              usage: formatBytes(usage, locale),
              quota: formatBytes(quota, locale),
              percent: percentText(usage, quota, locale),
            })}
          </p>
          <meter
            className="storage-meter"
            min={0}
            max={quota}
            value={usage}
            high={quota * 0.9}
            aria-label={t('reliability.storage')}
          />
          {isStorageLow(status) && (
            <p className="alert alert--warning">{t('reliability.storage.low')}</p>
          )}
        </>
      ) : (
        <p>{t('reliability.storage.unknown')}</p>
      )}
      {persisted === true && <p>{t('reliability.storage.persisted')}</p>}
      {persisted === false && (
        <>
          <p className="alert alert--warning">{t('reliability.storage.notPersisted')}</p>
          <button type="button" className="button" onClick={ask}>
            {t('reliability.storage.ask')}
          </button>
        </>
      )}
      {refused && <p className="alert alert--info">{t('reliability.storage.refused')}</p>}
    </div>
  );
}
