// "IVA recuperable" on the Panel: invoices whose VAT window opens, is open, closes soon or was just lost.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { getDb } from '../../db/database';
import { loadVatList } from '../../db/vat-lists';
import { useToday } from '../../app/use-today';
import { useFormat } from '../../app/use-format';
import { VatRowsTable } from './VatRecoveryPanel';
import { VatInvoiceDetail } from './VatInvoiceDetail';
import './vat.css';

/** The most urgent first; a ledger with thousands of unpaid invoices must not draw them all at once. */
const PAGE = 20;

export function VatRecoveryList() {
  const t = useT();
  const today = useToday();
  const { money, count } = useFormat();
  const [shown, setShown] = useState(PAGE);
  const rows = useLiveQuery(() => loadVatList(getDb(), today), [today]);
  const [openId, setOpenId] = useState<string | null>(null);
  if (!rows) return null;
  const total = rows.reduce((sum, row) => sum + row.status.recoverableCents, 0);
  return (
    <section className="card vat" aria-labelledby="vat-list-title" data-testid="vat-list">
      <h2 id="vat-list-title">
        {t('vat.listTitle')} {rows.length > 0 && <span className="num">· {money(total)}</span>}
      </h2>
      <p className="stat__hint">{t('vat.hint')}</p>
      {rows.length === 0 ? (
        <p className="screen__lead">{t('vat.listNone')}</p>
      ) : (
        <VatRowsTable rows={rows.slice(0, shown)} showClient onOpen={setOpenId} />
      )}
      {rows.length > shown && (
        <p className="vat__more">
          <span className="stat__hint">
            {t('vat.listShowing', { shown: count(shown), total: count(rows.length) })}
          </span>{' '}
          <button type="button" className="button" onClick={() => setShown(shown + PAGE * 5)}>
            {t('vat.listShowMore', { count: count(Math.min(PAGE * 5, rows.length - shown)) })}
          </button>
        </p>
      )}
      {openId !== null && <VatInvoiceDetail invoiceId={openId} onClose={() => setOpenId(null)} />}
    </section>
  );
}
