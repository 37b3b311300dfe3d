// Returned receipts tied to no payment: a person says which payment each takes back, or none.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { dismissReturn, pendingReturns, resolveReturn } from '../../db/returned-debits-repo';
import type { PendingReturn } from '../../db/returned-debits-repo';

function PendingReturnRow(props: { entry: PendingReturn }) {
  const { movement, candidates } = props.entry;
  const t = useT();
  const { money, date } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  const [chosen, setChosen] = useState(candidates[0]?.paymentId ?? '');
  const fail = (error: unknown) =>
    showToast({ tone: 'error', message: t('error.generic', { message: String(error) }) });
  const take = () =>
    resolveReturn(getDb(), movement.id, chosen)
      .then(() => showToast({ tone: 'success', message: t('import.returns.taken') }))
      .catch(fail);
  const dismiss = () => dismissReturn(getDb(), movement.id).catch(fail);
  return (
    <tr data-testid="pending-return">
      <td>{date(movement.date)}</td>
      <td>{[movement.concept, ...movement.references].join(' · ')}</td>
      <td className="num">{money(-movement.amountCents)}</td>
      <td>
        <div className="toolbar">
          {candidates.length > 0 ? (
            <>
              <select
                aria-label={t('import.returns.payment')}
                value={chosen}
                onChange={(event) => setChosen(event.target.value)}
              >
                {candidates.map((row) => (
                  <option key={row.paymentId} value={row.paymentId}>
                    {`${row.clientName} · ${date(row.date)}${row.reference ? ` · ${row.reference}` : ''}`}
                  </option>
                ))}
              </select>
              <button type="button" className="button" onClick={() => void take()}>
                {t('import.returns.take')}
              </button>
            </>
          ) : (
            <span className="stat__hint">{t('import.returns.noCandidates')}</span>
          )}
          <button type="button" className="button" onClick={() => void dismiss()}>
            {t('import.returns.dismiss')}
          </button>
        </div>
      </td>
    </tr>
  );
}

export function PendingReturns() {
  const t = useT();
  const rows = useLiveQuery(() => pendingReturns(getDb()), []);
  if (!rows || rows.length === 0) return null;
  return (
    <div className="card" data-testid="pending-returns">
      <h2>{t('import.returns.title')}</h2>
      <p className="screen__lead">{t('import.returns.lead')}</p>
      <table className="table" aria-label={t('import.returns.title')}>
        <thead>
          <tr>
            <th scope="col">{t('import.recon.date')}</th>
            <th scope="col">{t('import.recon.concept')}</th>
            <th scope="col">{t('import.recon.amount')}</th>
            <th scope="col">{t('import.returns.action')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((entry) => (
            <PendingReturnRow key={entry.movement.id} entry={entry} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
