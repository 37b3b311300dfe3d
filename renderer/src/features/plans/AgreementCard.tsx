// The agreement PDF: export it, sign it with a certificate, keep signed copies and export them as kept.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Language } from '../../../../shared/domain/records';
import { getDb } from '../../db/database';
import { addSignedDocument } from '../../db/plan-signing-repo';
import { getPlanDocumentBytes, type PlanDetail } from '../../db/plans-queries';
import { getCompanyProfile } from '../../db/settings-repo';
import { getPlatform } from '../../platform';
import { PlatformError } from '../../platform/platform';
import { useT, type MessageKey } from '../../i18n';
import { useFormat } from '../../app/use-format';
import { useToday } from '../../app/use-today';
import { useUiStore } from '../../store/ui-store';
import { Field } from '../../components/Field';
import { agreementFileName, renderAgreement } from './agreement-pdf';

interface AgreementCardProps {
  detail: PlanDetail;
  documentLanguage: Language;
  onLanguage: (language: Language) => void;
}

const SIGN_ERRORS = ['needs_desktop', 'bad_password', 'bad_certificate', 'bad_pdf', 'failed'];

export function AgreementCard({ detail, documentLanguage, onLanguage }: AgreementCardProps) {
  const t = useT();
  const today = useToday();
  const { date } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');
  const [signError, setSignError] = useState<string | null>(null);
  const company = useLiveQuery(() => getCompanyProfile(getDb()), []);
  const { plan, client } = detail;
  const signed = plan.status !== 'draft' && plan.status !== 'cancelled';
  const desktop = getPlatform().kind === 'electron';

  const render = async () => {
    if (!client) throw new Error('client not found');
    return renderAgreement({
      plan,
      client,
      company: await getCompanyProfile(getDb()),
      installments: detail.installments,
      language: documentLanguage,
      signatures: {
        creditor: plan.signing?.creditorSignature ?? null,
        debtor: plan.signing?.debtorSignature ?? null,
      },
      date: plan.signedDate ?? today,
    });
  };

  const exportAgreement = async () => {
    setBusy(true);
    try {
      const content = await render();
      const saved = await getPlatform().saveFile({
        suggestedName: agreementFileName(plan, documentLanguage === 'es' ? 'acuerdo' : 'agreement'),
        content,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (saved) showToast({ message: t('plans.agreement.exported'), tone: 'success' });
    } catch (error) {
      showToast({ message: t('plans.error.generic', { message: String(error) }), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const exportDocument = async (id: string) => {
    const document = await getPlanDocumentBytes(getDb(), id);
    if (!document) return;
    // The stored bytes exactly: a signed PDF must not be re-rendered.
    await getPlatform().saveFile({
      suggestedName: document.fileName,
      content: document.bytes,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  };

  const signDigitally = async () => {
    setSignError(null);
    setBusy(true);
    try {
      const platform = getPlatform();
      if (platform.kind !== 'electron') throw new PlatformError('needs_desktop', '');
      const certificate = await platform.openFile([
        { name: 'Certificado', extensions: ['p12', 'pfx'] },
      ]);
      if (!certificate) return;
      const latest = detail.documents.at(-1);
      const source = latest ? (await getPlanDocumentBytes(getDb(), latest.id))?.bytes : undefined;
      const bytes = await platform.signPdf({
        pdf: source ?? (await render()),
        p12: certificate.content,
        password,
        reason: `${plan.terms?.reference ?? ''}`,
        location: plan.terms?.place ?? '',
        signerName: plan.terms?.creditorSignatory.name ?? company?.name ?? '',
      });
      await addSignedDocument(getDb(), plan.id, {
        how: 'digital',
        bytes,
        fileName: agreementFileName(plan, 'firmado-digital'),
      });
      showToast({ message: t('plans.sign.digitalDone'), tone: 'success' });
    } catch (error) {
      const code =
        error instanceof PlatformError && SIGN_ERRORS.includes(error.code) ? error.code : 'failed';
      setSignError(t(`plans.sign.error.${code}` as MessageKey));
    } finally {
      setPassword('');
      setBusy(false);
    }
  };

  const importScan = async () => {
    try {
      const file = await getPlatform().openFile([{ name: 'PDF', extensions: ['pdf'] }]);
      if (!file) return;
      await addSignedDocument(getDb(), plan.id, {
        how: 'scanned',
        bytes: file.content,
        fileName: file.name,
      });
      showToast({ message: t('common.saved'), tone: 'success' });
    } catch (error) {
      showToast({ message: t('plans.error.generic', { message: String(error) }), tone: 'error' });
    }
  };

  const companyIncomplete = company && (!company.name || !company.taxId || !company.address);
  return (
    <div className="card" data-testid="plan-agreement">
      <h2>{t('plans.agreement.title')}</h2>
      {companyIncomplete && (
        <p className="alert alert--warning">{t('plans.agreement.noCompany')}</p>
      )}
      {company && !company.iban && (
        <p className="alert alert--info">{t('plans.agreement.noIban')}</p>
      )}
      <div className="toolbar">
        <Field label={t('plans.agreement.language')}>
          <select
            value={documentLanguage}
            onChange={(event) => onLanguage(event.target.value === 'en' ? 'en' : 'es')}
          >
            <option value="es">Español</option>
            <option value="en">English</option>
          </select>
        </Field>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void exportAgreement()}
        >
          {busy ? t('plans.agreement.rendering') : t('plans.agreement.export')}
        </button>
      </div>

      {signed && (
        <>
          <h3>{t('plans.sign.digital')}</h3>
          <p className="screen__lead">{t('plans.sign.digitalIntro')}</p>
          {!desktop && <p className="alert alert--info">{t('plans.sign.error.needs_desktop')}</p>}
          <div className="toolbar">
            <Field label={t('plans.sign.password')}>
              <input
                type="password"
                autoComplete="off"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </Field>
            <button
              type="button"
              className="button"
              disabled={busy || !desktop}
              onClick={() => void signDigitally()}
            >
              {t('plans.sign.chooseCert')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void importScan()}
            >
              {t('plans.sign.importScan')}
            </button>
          </div>
          {signError && (
            <p className="alert alert--error" role="alert">
              {signError}
            </p>
          )}
        </>
      )}

      <h3>{t('plans.detail.documents')}</h3>
      {detail.documents.length === 0 ? (
        <p className="screen__lead">{t('plans.detail.noDocuments')}</p>
      ) : (
        <ul className="list-plain" data-testid="plan-documents">
          {detail.documents.map((document) => (
            <li key={document.id}>
              <span className="plan-hash">
                {t('plans.detail.document', {
                  name: document.fileName,
                  how: document.signedHow ? t(`plans.detail.how.${document.signedHow}`) : '—',
                  date: date(document.createdAt.slice(0, 10)),
                  hash: document.sha256,
                })}
              </span>{' '}
              <button
                type="button"
                className="button button--link"
                onClick={() => void exportDocument(document.id)}
              >
                {t('plans.detail.exportDocument')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
