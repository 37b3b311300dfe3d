// The desktop's automatic backups: folder, rotation and the list to restore from; web mode says why not.
import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { useFormat } from '../../app/use-format';
import { getPlatform } from '../../platform';
import type { AutoBackupStatus } from '../../platform/platform';
import { exportBackup } from '../../db/backup-repo';
import { withUserDb } from '../../db/demo-mode';
import { useAutoBackupFailure } from './auto-backup-failure';

export function AutoBackupsSection({ onRestore }: { onRestore: (text: string) => void }) {
  const t = useT();
  const { count } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  const [status, setStatus] = useState<AutoBackupStatus | null | undefined>(undefined);
  const failure = useAutoBackupFailure((state) => state.failure);
  const refresh = useCallback(() => {
    getPlatform()
      .autoBackupStatus()
      .then(setStatus)
      .catch(() => setStatus(null));
  }, []);
  useEffect(refresh, [refresh]);

  if (status === undefined) return null;
  if (status === null) {
    return (
      <>
        <h3>{t('backup.auto.title')}</h3>
        <p className="alert alert--info">{t('backup.auto.web')}</p>
      </>
    );
  }

  async function backUpNow(): Promise<void> {
    try {
      // The backup folder holds the user's own data, also while the demonstration is open.
      await getPlatform().writeAutoBackup(await withUserDb(exportBackup), 'manual');
      useAutoBackupFailure.getState().clear();
    } catch (error) {
      useAutoBackupFailure.getState().report(error);
    }
    refresh();
  }

  async function restoreFrom(name: string): Promise<void> {
    try {
      onRestore(await getPlatform().readAutoBackup(name));
    } catch (error) {
      showToast({ tone: 'error', message: t('error.generic', { message: String(error) }) });
    }
  }

  return (
    <>
      <h3>{t('backup.auto.title')}</h3>
      {failure && (
        <p className="alert alert--error" role="alert" data-testid="auto-backup-failed">
          {t('backup.auto.failed', { message: failure.message })}
        </p>
      )}
      <p>{t('backup.auto.folder', { folder: status.folder })}</p>
      <p className="screen__lead">{t('backup.auto.keep', { count: count(status.keep) })}</p>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => void backUpNow()}>
          {t('backup.auto.now')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            void getPlatform()
              .chooseBackupFolder()
              .then((next) => next && setStatus(next))
          }
        >
          {t('backup.auto.chooseFolder')}
        </button>
      </div>
      {status.entries.length === 0 ? (
        <p>{t('backup.auto.empty')}</p>
      ) : (
        <table className="table">
          <tbody>
            {status.entries.map((entry) => (
              <tr key={entry.name}>
                <td>{entry.name}</td>
                <td>{count(Math.ceil(entry.size / 1024))} KB</td>
                <td>
                  <button
                    type="button"
                    className="button"
                    onClick={() => void restoreFrom(entry.name)}
                  >
                    {t('backup.auto.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
