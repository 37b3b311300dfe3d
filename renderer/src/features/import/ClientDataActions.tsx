// Per client: download everything stored about them, or erase them for good (GDPR), after confirming.
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { getPlatform } from '../../platform';
import { eraseClient, exportClientData } from '../../db/client-data-repo';
import { serializeBackup } from '../../../../shared/formats/backup';

interface ClientDataActionsProps {
  clientId: string;
  clientName: string;
  /** Called after the erase, e.g. to leave the client's screen. */
  onErased?: () => void;
}

export function ClientDataActions({ clientId, clientName, onErased }: ClientDataActionsProps) {
  const t = useT();
  const showToast = useUiStore((state) => state.showToast);

  async function download(): Promise<void> {
    const data = await exportClientData(getDb(), clientId);
    // Same writer as full backups, so bytes (signed PDFs) travel as base64.
    const content = serializeBackup({
      schemaVersion: 2,
      createdAt: data.exportedAt,
      tables: { clients: [data.client], ...data.tables },
    });
    const safeName = clientName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
    await getPlatform().saveFile({
      suggestedName: `datos-${safeName}.json`,
      content,
      filters: [{ name: 'JSON', extensions: ['json'] }],
    });
  }

  async function erase(): Promise<void> {
    if (!window.confirm(t('client.data.eraseConfirm', { name: clientName }))) return;
    await eraseClient(getDb(), clientId);
    showToast({ tone: 'success', message: t('client.data.erased') });
    onErased?.();
  }

  const run = (action: () => Promise<void>) => () => {
    action().catch((error: unknown) =>
      showToast({
        tone: 'error',
        message: t('client.data.failed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      }),
    );
  };

  return (
    <div className="card">
      <h2>{t('client.data.title')}</h2>
      <p className="screen__lead">{t('client.data.intro')}</p>
      <div className="toolbar" style={{ marginTop: 'var(--space-3)' }}>
        <button type="button" className="button" onClick={run(download)}>
          {t('client.data.export')}
        </button>
        <button type="button" className="button button--danger" onClick={run(erase)}>
          {t('client.data.erase')}
        </button>
      </div>
    </div>
  );
}
