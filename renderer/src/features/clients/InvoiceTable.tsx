// A client's invoices, small enough to render as a plain table.
import type { InvoiceRecord } from '../../../../shared/domain/records';
import type { InvoiceState } from '../../../../shared/domain/ledger-state';
import { StatusBadge } from '../../components/StatusBadge';
import { InvoiceLink } from '../ledger/InvoiceLink';
import { useT } from '../../i18n';
import { useFormat } from '../../app/use-format';

export function InvoiceTable({
  invoices,
  states,
}: {
  invoices: InvoiceRecord[];
  /** Each invoice's state (ledger-state.ts): an invoice in a plan is late by its installments. */
  states: ReadonlyMap<string, InvoiceState>;
}) {
  const t = useT();
  const { money, date } = useFormat();
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('invoices.col.number')}</th>
          <th scope="col">{t('invoices.col.issueDate')}</th>
          <th scope="col">{t('invoices.col.nextDue')}</th>
          <th scope="col" className="num">
            {t('invoices.col.payable')}
          </th>
          <th scope="col" className="num">
            {t('invoices.col.outstanding')}
          </th>
          <th scope="col" className="num">
            {t('invoices.col.daysOverdue')}
          </th>
          <th scope="col">{t('invoices.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {invoices.map((invoice) => {
          const state = states.get(invoice.id);
          const late = state?.daysOverdue ?? 0;
          return (
            <tr key={invoice.id}>
              <td>
                <InvoiceLink
                  id={invoice.id}
                  number={invoice.number}
                  label={t('life.open', { number: invoice.number })}
                />
              </td>
              <td>{date(invoice.issueDate)}</td>
              <td>{date(invoice.nextDueDate)}</td>
              <td className="num">{money(invoice.payableCents)}</td>
              <td className="num">{money(invoice.outstandingCents)}</td>
              <td className={late > 0 ? 'num late' : 'num'}>{late > 0 ? late : ''}</td>
              <td>
                {state && <StatusBadge status={state.status} inPlan={state.inPlan} />}
                {(invoice.creditedCents ?? 0) > 0 && (
                  <span className="badge" data-testid="credited-tag">
                    {t('life.tag.credited', { amount: money(invoice.creditedCents ?? 0) })}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
