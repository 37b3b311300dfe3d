// What a demand or a monitorio would claim today: each invoice, each due's interest, the 40 €,
// and the invoices paid late the person may add.
import { Fragment } from 'react';
import { useLanguage, useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import type { ClientLegal } from '../../db/legal-queries';
import { claimAmounts, paidLateClaims } from '../../../../shared/domain/claim-amounts';

export function ClaimSummary(props: {
  legal: ClientLegal;
  today: string;
  paidLateIds: readonly string[];
  onPaidLateChange: (ids: string[]) => void;
}) {
  const { legal, today, paidLateIds, onPaidLateChange } = props;
  const t = useT();
  const language = useLanguage();
  const { money, date } = useFormat();
  const args = [today, legal.contractRatePercent, legal.legalRates] as const;
  const claim = claimAmounts(legal.claimInvoices, ...args, paidLateIds);
  const paidLate = paidLateClaims(legal.claimInvoices, ...args);
  const percent = (value: number) =>
    value.toLocaleString(language === 'es' ? 'es-ES' : 'en-GB', { maximumFractionDigits: 2 });
  const total = claim.principalCents + claim.interestCents + claim.compensationCents;

  return (
    <div className="legal__claim" data-testid="legal-claim">
      <h3>{t('legal.claim.title')}</h3>
      {claim.lines.length === 0 ? (
        <p className="screen__lead">{t('legal.claim.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('legal.prescription.invoice')}</th>
              <th scope="col">{t('legal.claim.due')}</th>
              <th scope="col" className="num">
                {t('legal.claim.days')}
              </th>
              <th scope="col" className="num">
                {t('legal.prescription.amount')}
              </th>
              <th scope="col" className="num">
                {t('legal.claim.interest')}
              </th>
            </tr>
          </thead>
          <tbody>
            {claim.lines.map((line) => (
              <Fragment key={line.invoiceId}>
                <tr data-testid="legal-claim-invoice">
                  <td>
                    {line.number}
                    {line.paidLate && ` · ${t('coll.reminder.paidLateShort')}`}
                  </td>
                  <td>{date(line.dueDate)}</td>
                  <td className="num">{line.daysFromDue}</td>
                  <td className="num">{money(line.claimCents)}</td>
                  <td className="num">{money(line.interestCents)}</td>
                </tr>
                {line.dues.map((due) => (
                  <tr
                    key={`${due.dueDate}:${due.from}`}
                    className="legal__claim-due"
                    data-testid="legal-claim-due"
                  >
                    <td>
                      {t('legal.claim.dueLine', {
                        principal: money(due.principalCents),
                        from: date(due.from),
                        to: date(due.to),
                        rate: percent(due.ratePercent),
                      })}
                    </td>
                    <td>{date(due.dueDate)}</td>
                    <td className="num">{due.days}</td>
                    <td />
                    <td className="num">{money(due.interestCents)}</td>
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={4}>{t('legal.claim.totals')}</td>
              <td className="num" data-testid="legal-claim-total">
                {t('legal.claim.totalsValue', {
                  principal: money(claim.principalCents),
                  interest: money(claim.interestCents),
                  compensation: money(claim.compensationCents),
                  total: money(total),
                })}
              </td>
            </tr>
          </tfoot>
        </table>
      )}
      {paidLate.length > 0 && (
        <fieldset className="legal__paid-late" data-testid="legal-paid-late">
          <legend>{t('coll.reminder.paidLate')}</legend>
          <p className="stat__hint">{t('coll.reminder.paidLateHint')}</p>
          {paidLate.map((row) => (
            <label key={row.invoiceId}>
              <input
                type="checkbox"
                checked={paidLateIds.includes(row.invoiceId)}
                onChange={(e) =>
                  onPaidLateChange(
                    e.target.checked
                      ? [...paidLateIds, row.invoiceId]
                      : paidLateIds.filter((id) => id !== row.invoiceId),
                  )
                }
              />{' '}
              {t('coll.reminder.paidLateItem', {
                number: row.number,
                date: date(row.dueDate),
                days: row.daysFromDue,
                interest: money(row.interestCents),
              })}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
