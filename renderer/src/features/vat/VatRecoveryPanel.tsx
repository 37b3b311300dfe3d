// "Recuperar el IVA" on the client page: per unpaid invoice, the VAT at stake, its window and steps.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { getDb } from '../../db/database';
import { listVatRecovery, type VatRow } from '../../db/vat-recovery-repo';
import { useToday } from '../../app/use-today';
import { useFormat } from '../../app/use-format';
import { headlineDue } from '../../../../shared/domain/vat-recovery-status';
import { VatStateBadge } from './VatStateBadge';
import { VatInvoiceDetail } from './VatInvoiceDetail';
import './vat.css';

export function VatRowSummary(props: { row: VatRow; showClient?: boolean; onOpen: () => void }) {
  const t = useT();
  const { money, date } = useFormat();
  const { status, client } = props.row;
  const head = headlineDue(status);
  return (
    <tr data-testid="vat-row" data-invoice={status.number}>
      <td>{status.number}</td>
      {props.showClient && <td>{client.name}</td>}
      <td className="num">{money(status.recoverableCents)}</td>
      <td>{head ? date(head.eligibleFrom) : '—'}</td>
      <td data-testid="vat-by">{head ? date(head.rectifyBy) : '—'}</td>
      <td>{head && <VatStateBadge state={head.state} />}</td>
      <td>
        <button type="button" className="button button--link" onClick={props.onOpen}>
          {t('vat.open')}
        </button>
      </td>
    </tr>
  );
}

export function VatRowsTable(props: {
  rows: VatRow[];
  showClient?: boolean;
  onOpen: (invoiceId: string) => void;
}) {
  const t = useT();
  return (
    <>
      <div className="vat__table-wrap">
        <table className="table" data-testid="vat-table">
          <thead>
            <tr>
              <th scope="col">{t('vat.col.invoice')}</th>
              {props.showClient && <th scope="col">{t('vat.col.client')}</th>}
              <th scope="col" className="num">
                {t('vat.col.atStake')}
              </th>
              <th scope="col">{t('vat.col.from')}</th>
              <th scope="col">{t('vat.col.by')}</th>
              <th scope="col">{t('vat.col.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('vat.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <VatRowSummary
                key={row.invoice.id}
                row={row}
                showClient={props.showClient}
                onOpen={() => props.onOpen(row.invoice.id)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function VatRecoveryPanel({ clientId }: { clientId: string }) {
  const t = useT();
  const today = useToday();
  const rows = useLiveQuery(() => listVatRecovery(getDb(), today, clientId), [clientId, today]);
  const [openId, setOpenId] = useState<string | null>(null);
  if (!rows) return null;
  return (
    <section className="card vat" aria-labelledby="vat-title" data-testid="client-vat">
      <h2 id="vat-title">{t('vat.title')}</h2>
      <p className="stat__hint">{t('vat.hint')}</p>
      {rows.length === 0 ? (
        <p className="screen__lead">{t('vat.none')}</p>
      ) : (
        <VatRowsTable rows={rows} onOpen={setOpenId} />
      )}
      {openId !== null && <VatInvoiceDetail invoiceId={openId} onClose={() => setOpenId(null)} />}
    </section>
  );
}
