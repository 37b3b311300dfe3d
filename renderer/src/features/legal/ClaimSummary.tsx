// What a demand or a monitorio would claim today: each invoice, each due's interest, the 40 €,
// and the invoices paid late the person may add.
import { Fragment } from 'react';
import { useLanguage, useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import type { ClientLegal } from '../../db/legal-queries';
import { buildClaim, paidLateClaims } from '../../../../shared/domain/claim-amounts';

export function ClaimSummary(props: {
  legal: ClientLegal;
  today: string;
  paidLateIds: readonly string[];
  onPaidLateChange: (ids: string[]) => void;
  prescribedIds: readonly string[];
  onPrescribedChange: (ids: string[]) => void;
}) {
  const { legal, today, paidLateIds, onPaidLateChange, prescribedIds, onPrescribedChange } = props;
  const t = useT();
  const language = useLanguage();
  const { money, date } = useFormat();
  const options = legal.claimOptions;
  const claim = buildClaim(legal.claimInvoices, today, {
    ...options,
    includePaidLate: paidLateIds,
    includePrescribed: prescribedIds,
  });
  const paidLate = paidLateClaims(
    legal.claimInvoices,
    today,
    legal.contractRatePercent,
    legal.legalRates,
    options,
  );
  const percent = (value: number) =>
    value.toLocaleString(language === 'es' ? 'es-ES' : 'en-GB', { maximumFractionDigits: 2 });
  const total = claim.principalCents + claim.interestCents + claim.compensationCents;

  return (
    <div className="legal__claim" data-testid="legal-claim">
      <h3>{t('legal.claim.title')}</h3>
      {claim.law === 'civil_code' && (
        <p className="stat__hint" data-testid="legal-claim-law">
          {t('legal.claim.law.civil_code')}
        </p>
      )}
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
            {claim.lines.flatMap((line) =>
              line.parts.map((part) => (
                <Fragment key={`${line.invoiceId}:${part.dueDate}`}>
                  <tr data-testid="legal-claim-invoice" data-prescribed={part.prescribed}>
                    <td>
                      {part.count > 1
                        ? t('legal.claim.part', {
                            number: line.number,
                            index: part.index,
                            count: part.count,
                          })
                        : line.number}
                      {line.paidLate && ` · ${t('coll.reminder.paidLateShort')}`}
                      {part.prescribed && ` · ${t('legal.state.expired')}`}
                    </td>
                    <td>{date(part.dueDate)}</td>
                    <td className="num">{part.daysFromDue}</td>
                    <td className="num">{money(part.claimCents)}</td>
                    <td className="num">{money(part.interestCents)}</td>
                  </tr>
                  {line.dues
                    .filter((due) => due.dueDate === part.dueDate)
                    .map((due) => (
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
              )),
            )}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={4}>
                {claim.law === 'civil_code'
                  ? t('legal.claim.totals.civil_code')
                  : t('legal.claim.totals')}
              </td>
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
      {claim.prescribed.length > 0 && (
        <fieldset className="legal__paid-late" data-testid="legal-prescribed">
          <legend>{t('legal.claim.prescribed')}</legend>
          <p className="stat__hint">{t('legal.claim.prescribedHint')}</p>
          {claim.prescribed.map((row) => (
            <label key={row.invoiceId}>
              <input
                type="checkbox"
                checked={prescribedIds.includes(row.invoiceId)}
                onChange={(e) =>
                  onPrescribedChange(
                    e.target.checked
                      ? [...prescribedIds, row.invoiceId]
                      : prescribedIds.filter((id) => id !== row.invoiceId),
                  )
                }
              />{' '}
              {t('legal.claim.prescribedItem', {
                number: row.number,
                amount: money(row.parts.reduce((sum, part) => sum + part.claimCents, 0)),
                date: date(row.dueDate),
              })}
            </label>
          ))}
        </fieldset>
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
