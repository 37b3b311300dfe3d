// "Extracto de cuenta (PDF)" for one client: usable on the Panel and on the client's page.
import { useState } from 'react';
import { useLanguage, useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { useToday } from '../../app/use-today';
import { getPlatform } from '../../platform';
import { getDb } from '../../db/database';
import { getClientDetail } from '../../db/queries';
import { getCompanyProfile } from '../../db/settings-repo';
import { renderPdf } from '../../pdf/render-pdf';

export function StatementButton({ clientId, compact }: { clientId: string; compact?: boolean }) {
  const t = useT();
  const language = useLanguage();
  const today = useToday();
  const showToast = useUiStore((state) => state.showToast);
  const [busy, setBusy] = useState(false);
  const exportStatement = async () => {
    setBusy(true);
    try {
      const [{ clientStatementDocument }, detail, company] = await Promise.all([
        import('../../../../shared/pdf/client-statement'),
        getClientDetail(getDb(), clientId),
        getCompanyProfile(getDb()),
      ]);
      if (!detail) return;
      const bytes = await renderPdf(
        clientStatementDocument({
          company,
          client: detail.client,
          today,
          language,
          invoices: detail.invoices,
          payments: detail.payments,
        }),
      );
      await getPlatform().saveFile({
        suggestedName: `extracto-${detail.client.taxId || detail.client.id}-${today}.pdf`,
        content: bytes,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      showToast({ tone: 'error', message: t('panel.pdf.failed', { message }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className={compact ? 'button button--small' : 'button'}
      disabled={busy}
      onClick={() => void exportStatement()}
    >
      {compact ? t('panel.pdf.statementShort') : t('panel.pdf.statement')}
    </button>
  );
}
