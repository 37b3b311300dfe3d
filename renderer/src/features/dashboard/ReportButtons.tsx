// The Panel's PDF export: the aging report of every open invoice, saved through the platform.
import { useState } from 'react';
import { useT, useLanguage } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getPlatform } from '../../platform';
import { getDb } from '../../db/database';
import { getCompanyProfile } from '../../db/settings-repo';
import { renderPdf } from '../../pdf/render-pdf';
import type { DashboardFigures } from './dashboard-figures';

export function ReportButtons({ figures, today }: { figures: DashboardFigures; today: string }) {
  const t = useT();
  const language = useLanguage();
  const showToast = useUiStore((state) => state.showToast);
  const [busy, setBusy] = useState(false);
  const exportAging = async () => {
    setBusy(true);
    try {
      const { agingReportDocument } = await import('../../../../shared/pdf/aging-report');
      const company = await getCompanyProfile(getDb());
      const bytes = await renderPdf(
        agingReportDocument({
          company,
          today,
          language,
          // Each unpaid due by its own age: the overdue columns add up to the Panel's overdue.
          aging: figures.agingByDue,
          debtors: figures.allDebtors.map((debtor) => ({ ...debtor, buckets: debtor.dueBuckets })),
        }),
      );
      await getPlatform().saveFile({
        suggestedName: `antiguedad-${today}.pdf`,
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
    <div className="toolbar">
      <button type="button" className="button" disabled={busy} onClick={() => void exportAging()}>
        {t('panel.pdf.aging')}
      </button>
    </div>
  );
}
