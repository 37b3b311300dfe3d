// Signing a draft: both parties draw on screen, or a scanned signed copy is imported; then it activates.
import { useState } from 'react';
import type { Language } from '../../../../shared/domain/records';
import { isValidationError, type FieldIssue } from '../../../../shared/domain/validation';
import { getDb } from '../../db/database';
import { activatePlan } from '../../db/plan-signing-repo';
import type { PlanDetail } from '../../db/plans-queries';
import { getCompanyProfile } from '../../db/settings-repo';
import { getPlatform } from '../../platform';
import { translateIssue, useLanguage, useT } from '../../i18n';
import { useToday } from '../../app/use-today';
import { useUiStore } from '../../store/ui-store';
import { SignaturePadField } from './SignaturePadField';
import { agreementFileName, renderAgreement } from './agreement-pdf';

interface SigningPanelProps {
  detail: PlanDetail;
  documentLanguage: Language;
}

export function SigningPanel({ detail, documentLanguage }: SigningPanelProps) {
  const t = useT();
  const language = useLanguage();
  const today = useToday();
  const showToast = useUiStore((state) => state.showToast);
  const [creditorSignature, setCreditorSignature] = useState<string | null>(null);
  const [debtorSignature, setDebtorSignature] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const { plan, client } = detail;
  const terms = plan.terms;
  const errorOf = (field: string) => {
    const issue = issues.find((item) => item.field === field);
    return issue ? translateIssue(language, issue) : undefined;
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setIssues([]);
    try {
      await work();
      showToast({ message: t('plans.sign.activated'), tone: 'success' });
    } catch (error) {
      if (isValidationError(error)) setIssues([...error.issues]);
      else
        showToast({ message: t('plans.error.generic', { message: String(error) }), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const signOnScreen = () =>
    run(async () => {
      if (!creditorSignature || !debtorSignature || !client) {
        // Let the repository name what is missing, without rendering a PDF first.
        await activatePlan(getDb(), plan.id, {
          how: 'handwritten',
          creditorSignature,
          debtorSignature,
          pdf: new Uint8Array(),
          fileName: '',
          today,
        });
        return;
      }
      const company = await getCompanyProfile(getDb());
      const pdf = await renderAgreement({
        plan,
        client,
        company,
        installments: detail.installments,
        language: documentLanguage,
        signatures: { creditor: creditorSignature, debtor: debtorSignature },
        date: today,
      });
      await activatePlan(getDb(), plan.id, {
        how: 'handwritten',
        creditorSignature,
        debtorSignature,
        pdf,
        fileName: agreementFileName(plan, 'firmado'),
        today,
      });
    });

  const importScan = () =>
    run(async () => {
      const file = await getPlatform().openFile([{ name: 'PDF', extensions: ['pdf'] }]);
      if (!file) return;
      await activatePlan(getDb(), plan.id, {
        how: 'scanned',
        creditorSignature: null,
        debtorSignature: null,
        pdf: file.content,
        fileName: file.name,
        today,
      });
    });

  return (
    <div className="card" data-testid="plan-signing">
      <h2>{t('plans.sign.title')}</h2>
      <p className="screen__lead">{t('plans.sign.intro')}</p>
      <div className="plan-signatures">
        <SignaturePadField
          label={t('plans.sign.creditor', { name: terms?.creditorSignatory.name ?? '' })}
          testId="signature-creditor"
          error={errorOf('creditorSignature')}
          onChange={setCreditorSignature}
        />
        <SignaturePadField
          label={t('plans.sign.debtor', { name: terms?.debtorSignatory.name ?? '' })}
          testId="signature-debtor"
          error={errorOf('debtorSignature')}
          onChange={setDebtorSignature}
        />
      </div>
      {issues
        .filter((issue) => !issue.field.endsWith('Signature'))
        .map((issue) => (
          <p key={`${issue.field}-${issue.code}`} className="alert alert--error" role="alert">
            {translateIssue(language, issue)}
          </p>
        ))}
      <div className="toolbar">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void signOnScreen()}
        >
          {busy ? t('plans.agreement.rendering') : t('plans.sign.activate')}
        </button>
      </div>
      <p className="screen__lead">{t('plans.sign.scanned')}</p>
      <button type="button" className="button" disabled={busy} onClick={() => void importScan()}>
        {t('plans.sign.importScan')}
      </button>
    </div>
  );
}
