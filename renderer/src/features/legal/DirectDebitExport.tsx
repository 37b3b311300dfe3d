// Planes → recibos domiciliados: the pain.008 file for the installments due in a date range.
import { useState } from 'react';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { useToday } from '../../app/use-today';
import { useFormat } from '../../app/use-format';
import { Field } from '../../components/Field';
import { DateInput } from '../../components/DateInput';
import { getDb } from '../../db/database';
import { loadPlanDebits, markDebitsPresented } from '../../db/direct-debits-queries';
import { getPlatform } from '../../platform';
import { addDays } from '../../../../shared/domain/dates';
import { buildPain008 } from '../../../../shared/formats/pain008';
import { creditorIdOf } from '../../../../shared/domain/plan-direct-debits';

/** `YYYY-MM-DDTHH:MM:SS` in local time, as CreDtTm asks; read here, at the edge. */
function localStamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
}

export function DirectDebitExport() {
  const t = useT();
  const today = useToday();
  const { money, date } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  const [from, setFrom] = useState(addDays(today, 1));
  const [to, setTo] = useState(addDays(today, 31));
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);

  async function download() {
    setMessage(null);
    const { debits, skipped, presented, returned, company, earliest } = await loadPlanDebits(
      getDb(),
      from,
      to,
      today,
    );
    const creditorId = creditorIdOf(company);
    if (!creditorId || company.iban.trim() === '') {
      setMessage({ tone: 'error', text: t('sepa.export.noCreditor') });
      return;
    }
    const lastSent = [...presented].sort((a, b) =>
      b.presentedDate.localeCompare(a.presentedDate),
    )[0];
    const notes = [
      skipped.length > 0 ? t('sepa.export.skipped', { count: skipped.length }) : '',
      lastSent
        ? t('sepa.export.presented', {
            count: presented.length,
            file: lastSent.fileName,
            date: date(lastSent.presentedDate),
          })
        : '',
      returned.length > 0 ? t('sepa.export.returnedWaiting', { count: returned.length }) : '',
    ].filter((text) => text !== '');
    if (debits.length === 0) {
      setMessage({ tone: 'info', text: [t('sepa.export.none'), ...notes].join(' ') });
      return;
    }
    const moved = debits.filter((debit) => debit.movedFrom !== null);
    if (moved.length > 0)
      notes.unshift(t('sepa.export.moved', { count: moved.length, date: date(earliest) }));
    const stamp = localStamp(new Date());
    const messageId = `CC-${stamp.replace(/\D/g, '')}`;
    let xml: string;
    try {
      xml = buildPain008({
        messageId,
        createdAt: stamp,
        creditor: { name: company.name, iban: company.iban, creditorId },
        debits,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setMessage({ tone: 'error', text: t('sepa.export.failed', { reason }) });
      return;
    }
    const fileName = `recibos-sepa-${messageId.slice(3)}.xml`;
    const saved = await getPlatform().saveFile({
      suggestedName: fileName,
      content: xml,
      filters: [{ name: 'XML', extensions: ['xml'] }],
    });
    if (!saved) return;
    // Logged once the file exists: these receipts are not put in another file.
    await markDebitsPresented(getDb(), { fileName, messageId, presentedDate: today }, debits);
    const total = debits.reduce((sum, debit) => sum + debit.amountCents, 0);
    showToast({
      tone: 'success',
      message: t('sepa.export.saved', { count: debits.length, amount: money(total) }),
    });
    if (notes.length > 0) setMessage({ tone: 'info', text: notes.join(' ') });
  }

  return (
    <div className="card" data-testid="sepa-export">
      <h2>{t('sepa.export.title')}</h2>
      <p className="stat__hint">{t('sepa.export.hint')}</p>
      <div className="form-grid">
        <Field label={t('sepa.export.from')}>
          <DateInput value={from || null} onChange={(value) => setFrom(value ?? '')} />
        </Field>
        <Field label={t('sepa.export.to')}>
          <DateInput value={to || null} onChange={(value) => setTo(value ?? '')} />
        </Field>
      </div>
      {message && (
        <p className={`alert alert--${message.tone === 'error' ? 'error' : 'info'}`} role="status">
          {message.text}
        </p>
      )}
      <div className="toolbar">
        <button type="button" className="button" onClick={() => void download()}>
          {t('sepa.export.button')}
        </button>
      </div>
      <p className="stat__hint">{t('sepa.export.noSchema')}</p>
    </div>
  );
}
