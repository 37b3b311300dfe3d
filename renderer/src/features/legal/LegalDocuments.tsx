// Buttons for the legal documents: the requerimiento for a burofax and the monitorio bundle.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLanguage, useT } from '../../i18n';
import { getDb } from '../../db/database';
import { getCompanyProfile } from '../../db/settings-repo';
import { hrefOf } from '../../app/router';
import { senderGaps } from '../../../../shared/pdf/letter-frame';
import { useUiStore } from '../../store/ui-store';
import { useToday } from '../../app/use-today';
import { logError } from '../../app/error-log';
import { exportDemand, exportMonitorioBundle, type ClaimChoice } from './legal-pdfs';
import { exportDossier } from '../collections/export-dossier';

export function LegalDocuments({ clientId, choice }: { clientId: string; choice: ClaimChoice }) {
  const t = useT();
  const language = useLanguage();
  const today = useToday();
  const showToast = useUiStore((state) => state.showToast);
  const [busy, setBusy] = useState(false);
  const [withOriginals, setWithOriginals] = useState(true);
  const company = useLiveQuery(() => getCompanyProfile(getDb()), []);
  // A demand without a sender or an account to pay into is not produced: the profile comes first.
  const gaps = company ? senderGaps(company) : [];

  async function run(work: () => Promise<string | null>) {
    setBusy(true);
    try {
      const message = await work();
      if (message) showToast({ tone: 'success', message });
    } catch (error) {
      logError('vía legal', error);
      showToast({ tone: 'error', message: t('legal.pdf.failed') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {gaps.length > 0 ? (
        <p className="alert alert--warning" data-testid="legal-demand-sender-missing">
          {t('legal.demand.senderMissing', {
            fields: gaps.map((field) => t(`legal.sender.${field}`)).join(', '),
          })}{' '}
          <a href={hrefOf({ screen: 'settings' })}>{t('legal.demand.completeProfile')}</a>
        </p>
      ) : (
        <button
          type="button"
          className="button"
          disabled={busy}
          data-testid="legal-demand-pdf"
          onClick={() =>
            void run(async () =>
              (await exportDemand(clientId, today, language, choice)) ? t('legal.pdf.saved') : null,
            )
          }
        >
          {t('legal.demand.button')}
        </button>
      )}
      <button
        type="button"
        className="button"
        disabled={busy}
        data-testid="legal-bundle-pdf"
        onClick={() =>
          void run(async () => {
            const { saved } = await exportMonitorioBundle(clientId, today, withOriginals, choice);
            return saved > 0 ? t('legal.bundle.saved', { count: saved }) : null;
          })
        }
      >
        {busy ? t('legal.pdf.busy') : t('legal.bundle.button')}
      </button>
      <button
        type="button"
        className="button"
        disabled={busy}
        data-testid="legal-dossier-pdf"
        onClick={() =>
          void run(async () =>
            (await exportDossier(clientId, today)) ? t('legal.pdf.saved') : null,
          )
        }
      >
        {t('coll.reminder.dossier')}
      </button>
      <label className="legal__originals" title={t('legal.bundle.originalsHint')}>
        <input
          type="checkbox"
          checked={withOriginals}
          onChange={(e) => setWithOriginals(e.target.checked)}
        />{' '}
        {t('legal.bundle.originals')}
      </label>
    </>
  );
}
