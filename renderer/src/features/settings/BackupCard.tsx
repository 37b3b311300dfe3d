// Ajustes → Copias de seguridad: download a full backup, restore one after a preview, automatic copies.
import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { useFormat } from '../../app/use-format';
import { getDb, isDemoDatabase } from '../../db/database';
import { getPlatform } from '../../platform';
import {
  exportBackup,
  previewBackup,
  restoreBackup,
  type BackupPreview,
} from '../../db/backup-repo';
import { todayLocal } from '../../../../shared/domain/dates';
import { Dialog } from '../../components/Dialog';
import { AutoBackupsSection } from './AutoBackupsSection';
import { backupErrorText } from './backup-error-text';
import { OPENED_BACKUP_PROBLEMS, useOpenedBackup } from './opened-backup';

const CORE_TABLES = ['clients', 'invoices', 'payments'] as const;

export function BackupCard() {
  const t = useT();
  const { count, date } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [busy, setBusy] = useState(false);
  // Desktop: a .ccbackup opened from the OS lands here and gets the same preview and confirmation.
  const [fileName, setFileName] = useState<string | null>(null);
  useEffect(() => {
    function consume(): void {
      const file = useOpenedBackup.getState().take();
      if (!file) return;
      if (file.content === null) {
        const key = OPENED_BACKUP_PROBLEMS[file.problem ?? 'unreadable'];
        showToast({ tone: 'error', message: t(key, { name: file.name }) });
        return;
      }
      try {
        setPreview(previewBackup(getDb(), file.content));
        setFileName(file.name);
      } catch (error) {
        showToast({ tone: 'error', message: backupErrorText(t, error) });
      }
    }
    // A file may already wait (it brought the person here), or arrive while the card is open.
    const unsubscribe = useOpenedBackup.subscribe((state) => {
      if (state.file) consume();
    });
    queueMicrotask(consume);
    return unsubscribe;
  }, [showToast, t]);

  async function download(): Promise<void> {
    setBusy(true);
    try {
      const content = await exportBackup(getDb());
      const saved = await getPlatform().saveFile({
        suggestedName: `cuentas-claras-copia-${todayLocal()}.ccbackup`,
        content,
        filters: [{ name: 'Copia de Cuentas Claras', extensions: ['ccbackup'] }],
      });
      if (saved) showToast({ tone: 'success', message: t('backup.exported') });
    } finally {
      setBusy(false);
    }
  }

  function open(text: string): void {
    try {
      setPreview(previewBackup(getDb(), text));
      setFileName(null);
    } catch (error) {
      showToast({ tone: 'error', message: backupErrorText(t, error) });
    }
  }

  async function chooseFile(): Promise<void> {
    const file = await getPlatform().openFile([
      { name: 'Copia de Cuentas Claras', extensions: ['json', 'ccbackup'] },
    ]);
    if (file) open(new TextDecoder().decode(file.content));
  }

  async function restore(): Promise<void> {
    if (!preview) return;
    setBusy(true);
    try {
      // Desktop: the current data is copied aside first, so even a wrong restore can be undone.
      // (Not in the demonstration: sample data must not push the user's copies out of the folder.)
      if (!isDemoDatabase())
        await getPlatform().writeAutoBackup(await exportBackup(getDb()), 'before_restore');
      await restoreBackup(getDb(), preview.content);
      setPreview(null);
      showToast({ tone: 'success', message: t('backup.restored') });
    } catch (error) {
      showToast({ tone: 'error', message: t('error.generic', { message: String(error) }) });
    } finally {
      setBusy(false);
    }
  }

  const other = preview
    ? Object.entries(preview.counts)
        .filter(([name]) => !(CORE_TABLES as readonly string[]).includes(name))
        .reduce((sum, [, rows]) => sum + rows, 0)
    : 0;

  return (
    <div className="card">
      <h2>{t('backup.title')}</h2>
      <p className="screen__lead">{t('backup.intro')}</p>
      <div className="toolbar" style={{ marginTop: 'var(--space-3)' }}>
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void download()}
        >
          {t('backup.export')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void chooseFile()}>
          {t('backup.restore')}
        </button>
      </div>
      <AutoBackupsSection onRestore={open} />
      {preview && (
        <Dialog
          title={t('backup.preview.title')}
          onClose={() => setPreview(null)}
          testId="backup-preview"
        >
          {fileName && <p>{t('desktop.openedBackup.file', { name: fileName })}</p>}
          <p>{t('backup.preview.intro', { date: date(preview.content.createdAt.slice(0, 10)) })}</p>
          <ul>
            <li>
              {t('backup.table.clients')}: {count(preview.counts.clients ?? 0)}
            </li>
            <li>
              {t('backup.table.invoices')}: {count(preview.counts.invoices ?? 0)}
            </li>
            <li>
              {t('backup.table.payments')}: {count(preview.counts.payments ?? 0)}
            </li>
            <li>
              {t('backup.table.other')}: {count(other)}
            </li>
          </ul>
          <p className="alert alert--warning">{t('backup.preview.warning')}</p>
          <div className="toolbar">
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => void restore()}
            >
              {t('backup.preview.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setPreview(null)}>
              {t('backup.preview.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
