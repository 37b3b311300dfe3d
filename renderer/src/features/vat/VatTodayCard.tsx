// Hoy's VAT rows: invoices whose VAT window opens, closes or was just lost, and the notice to file.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { getDb } from '../../db/database';
import { loadVatTodayRows } from '../../db/vat-lists';
import { hrefOf } from '../../app/router';
import { useToday } from '../../app/use-today';
import { useFormat } from '../../app/use-format';
import { VatInvoiceDetail } from './VatInvoiceDetail';
import './vat.css';

export function VatTodayCard() {
  const t = useT();
  const today = useToday();
  const { money, date } = useFormat();
  const rows = useLiveQuery(() => loadVatTodayRows(getDb(), today), [today]);
  const [openId, setOpenId] = useState<string | null>(null);
  if (!rows) return null;
  // The detail stays open after its last step takes the row off the list.
  const detail = openId !== null && (
    <VatInvoiceDetail invoiceId={openId} onClose={() => setOpenId(null)} />
  );
  if (rows.length === 0) return detail;
  return (
    <section className="card vat" aria-labelledby="vat-today-title" data-testid="vat-today">
      <h2 id="vat-today-title">{t('vat.today.title')}</h2>
      <p className="stat__hint">{t('vat.hint')}</p>
      <table className="table worklist">
        <tbody>
          {rows.map((row) => (
            <tr key={row.invoiceId} data-testid="vat-today-row" data-kind={row.kind}>
              <td>
                <a href={hrefOf({ screen: 'client', clientId: row.clientId })}>{row.clientName}</a>
              </td>
              <td>{t(`vat.today.${row.kind}`, { number: row.number, date: date(row.date) })}</td>
              <td className="num">{money(row.vatCents)}</td>
              <td>
                <button
                  type="button"
                  className="button"
                  onClick={() => setOpenId(row.invoiceId)}
                  aria-label={t('vat.today.open', { number: row.number })}
                >
                  {t('vat.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {detail}
    </section>
  );
}
