// The reminder composer: the next level's text for a client, sent as email, .eml or PDF letter.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useLanguage, useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { getClientCollections } from '../../db/collections-queries';
import { getCompanyProfile } from '../../db/settings-repo';
import { recordDunningSent } from '../../db/dunning-repo';
import { getPlatform } from '../../platform';
import { renderPdf } from '../../pdf/render-pdf';
import { useToday } from '../../app/use-today';
import { hrefOf } from '../../app/router';
import { useFormat } from '../../app/use-format';
import { buildDunningLetter } from '../../../../shared/pdf/dunning-letter';
import type { DunningChannel, Language } from '../../../../shared/domain/records';
import { claimLawOf, paidLateClaims } from '../../../../shared/domain/claim-amounts';
import { buildEml, buildReminderDraft } from './reminder-draft';
import { exportDossier } from './export-dossier';

export function ReminderDialog({
  clientId,
  only,
  onClose,
}: {
  clientId: string;
  only?: { level: number; invoiceIds: readonly string[] } | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const today = useToday();
  const { money, date } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  const [language, setLanguage] = useState<Language>(useLanguage());
  const [busy, setBusy] = useState(false);
  // Invoices paid late are claimed only when the person ticks them (interest and 40 € each).
  const [paidLateIds, setPaidLateIds] = useState<string[]>([]);
  const loaded = useLiveQuery(async () => {
    const db = getDb();
    const [data, company] = await Promise.all([
      getClientCollections(db, clientId, today),
      getCompanyProfile(db),
    ]);
    return data ? { data, company } : null;
  }, [clientId, today]);
  const draft = loaded
    ? buildReminderDraft({
        ...loaded,
        language,
        today,
        includePaidLate: paidLateIds,
        ...(only ? { only } : {}),
      })
    : null;
  const draftKey = draft ? `${draft.level}:${language}:${draft.invoiceIds.join(',')}` : '';
  // What the person edited belongs to one draft: a new level, language or invoice set starts afresh.
  const [edited, setEdited] = useState<{ key: string; subject: string; body: string } | null>(null);
  const text =
    edited?.key === draftKey ? edited : draft ? { subject: draft.subject, body: draft.body } : null;
  const setText = (value: { subject: string; body: string }) =>
    setEdited({ key: draftKey, subject: value.subject, body: value.body });

  if (loaded === undefined) return null;
  if (loaded === null) return null;
  const { data, company } = loaded;
  const levelName = (level: number) => {
    const kind = data.settings.levels[level]?.kind;
    return kind ? t(`coll.level.${kind}`) : String(level + 1);
  };
  const paidLate = draft?.claimInterest
    ? paidLateClaims(
        data.claimInvoices,
        today,
        data.client.contractInterestPercent ?? null,
        data.legalRates,
        data.claimOptions,
      )
    : [];
  const togglePaidLate = (id: string, on: boolean) =>
    setPaidLateIds((ids) => (on ? [...ids, id] : ids.filter((other) => other !== id)));
  const percent = (value: number) =>
    value.toLocaleString(language === 'es' ? 'es-ES' : 'en-GB', { maximumFractionDigits: 2 });
  const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

  async function send(channel: DunningChannel) {
    if (!draft || !text) return;
    setBusy(true);
    try {
      const platform = getPlatform();
      const slug = data.client.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40);
      let done = false;
      if (channel === 'email') {
        done = await platform.composeEmail({
          to: data.client.email,
          subject: text.subject,
          body: text.body,
        });
      } else if (channel === 'eml') {
        const content = buildEml({
          from: company.email,
          to: data.client.email,
          subject: text.subject,
          body: text.body,
        });
        done = await platform.saveFile({
          suggestedName: `recordatorio-${slug}-${today}.eml`,
          content,
          filters: [{ name: 'Email', extensions: ['eml'] }],
        });
      } else {
        const bytes = await renderPdf(
          buildDunningLetter({
            language,
            company,
            client: data.client,
            date: today,
            subject: text.subject,
            body: text.body,
            lines: draft.lines,
            claimInterest: draft.claimInterest,
            totalCents: draft.totalCents,
            interestCents: draft.interestCents,
            compensationCents: draft.compensationCents,
            law: claimLawOf(data.claimOptions),
          }),
        );
        done = await platform.saveFile({
          suggestedName: `carta-${slug}-${today}.pdf`,
          content: bytes,
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        });
      }
      if (!done) return;
      await recordDunningSent(getDb(), {
        clientId,
        invoiceIds: draft.invoiceIds,
        level: draft.level,
        date: today,
        channel,
        amountCents: draft.totalCents,
        interestCents: draft.interestCents,
        compensationCents: draft.compensationCents,
        subject: text.subject,
        who: '',
      });
      showToast({ tone: 'success', message: t('coll.reminder.sent') });
      onClose();
    } catch (error) {
      showToast({ tone: 'error', message: t('error.generic', { message: String(error) }) });
    } finally {
      setBusy(false);
    }
  }

  const skipped = data.dunning.skipped;
  // No letter without a sender; no demand that asks to pay into "la cuenta —".
  const blocked =
    draft !== null &&
    (company.name.trim() === '' || (draft.claimInterest && company.iban.trim() === ''));
  return (
    <Dialog
      title={t('coll.reminder.title', {
        level: capitalized(draft ? levelName(draft.level) : t('coll.action.call')),
        name: data.client.name,
      })}
      onClose={onClose}
      testId="reminder-dialog"
    >
      {skipped.length > 0 && (
        <p className="alert alert--info">
          {t('hoy.skipped', {
            list: skipped.map((s) => `${s.number} (${t(`coll.skip.${s.reason}`)})`).join(', '),
          })}
        </p>
      )}
      {(company.name === '' || company.iban === '') && draft && (
        <p
          className={blocked ? 'alert alert--error' : 'alert alert--warning'}
          data-testid="reminder-company-missing"
        >
          {t(blocked ? 'coll.reminder.companyRequired' : 'coll.reminder.companyMissing')}{' '}
          <a href={hrefOf({ screen: 'settings' })} onClick={onClose}>
            {t('settings.title')}
          </a>
        </p>
      )}
      {!draft || !text ? (
        <p>{t('coll.reminder.nothing')}</p>
      ) : (
        <>
          <div className="form-grid">
            <Field label={t('coll.reminder.language')}>
              <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
                <option value="es">Español</option>
                <option value="en">English</option>
              </select>
            </Field>
            <Field
              label={t('coll.reminder.to')}
              hint={data.client.email ? undefined : t('coll.reminder.noEmail')}
            >
              <input value={data.client.email} readOnly />
            </Field>
            <Field label={t('coll.reminder.subject')} wide>
              <input
                value={text.subject}
                onChange={(e) => setText({ ...text, subject: e.target.value })}
              />
            </Field>
            <Field label={t('coll.reminder.body')} wide>
              <textarea
                rows={12}
                value={text.body}
                onChange={(e) => setText({ ...text, body: e.target.value })}
              />
            </Field>
          </div>
          <h3>{t('coll.reminder.invoices')}</h3>
          <ul className="list-plain" data-testid="reminder-lines">
            {draft.lines.map((line) => (
              <li key={line.invoiceId}>
                <span>
                  {line.number} · {date(line.dueDate)}
                  {line.paidLate && ` · ${t('coll.reminder.paidLateShort')}`}
                  {draft.claimInterest && (line.dues ?? []).length > 0 && (
                    <ul className="reminder__dues" data-testid="reminder-due-lines">
                      {(line.dues ?? []).map((due) => (
                        <li key={`${due.dueDate}:${due.from}`}>
                          {t('coll.reminder.dueLine', {
                            due: date(due.dueDate),
                            principal: money(due.principalCents),
                            from: date(due.from),
                            to: date(due.to),
                            days: due.days,
                            rate: percent(due.ratePercent),
                            interest: money(due.interestCents),
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                </span>
                <strong>{money(line.claimCents)}</strong>
              </li>
            ))}
          </ul>
          {paidLate.length > 0 && (
            <fieldset className="reminder__paid-late" data-testid="reminder-paid-late">
              <legend>{t('coll.reminder.paidLate')}</legend>
              <p className="stat__hint">{t('coll.reminder.paidLateHint')}</p>
              {paidLate.map((claim) => (
                <label key={claim.invoiceId} className="checkbox-row">
                  <input
                    type="checkbox"
                    checked={paidLateIds.includes(claim.invoiceId)}
                    onChange={(e) => togglePaidLate(claim.invoiceId, e.target.checked)}
                  />{' '}
                  {t('coll.reminder.paidLateItem', {
                    number: claim.number,
                    date: date(claim.dueDate),
                    days: claim.daysFromDue,
                    interest: money(claim.interestCents),
                  })}
                </label>
              ))}
            </fieldset>
          )}
          {draft.claimInterest && (
            <p className="alert alert--warning">
              {t('coll.reminder.interest', {
                interest: money(draft.interestCents),
                compensation: money(draft.compensationCents),
              })}
            </p>
          )}
          <div className="form-actions">
            {draft.kind === 'handoff' && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() =>
                  void exportDossier(clientId, today).catch((error: unknown) =>
                    showToast({ tone: 'error', message: String(error) }),
                  )
                }
              >
                {t('coll.reminder.dossier')}
              </button>
            )}
            <button
              type="button"
              className="button"
              disabled={busy || blocked}
              onClick={() => void send('eml')}
            >
              {t('coll.reminder.eml')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || blocked}
              onClick={() => void send('pdf')}
            >
              {t('coll.reminder.pdf')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={busy || blocked || !data.client.email}
              onClick={() => void send('email')}
            >
              {t('coll.reminder.email')}
            </button>
          </div>
          {busy && <p role="status">{t('coll.reminder.working')}</p>}
        </>
      )}
    </Dialog>
  );
}
