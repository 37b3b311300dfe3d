// The ten clients who owe the most; each opens the ledger with that client's open invoices.
import { useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import type { Debtor } from './dashboard-figures';
import { openLedger } from './open-ledger';
import { StatementButton } from './StatementButton';

export function DebtorsCard({ debtors }: { debtors: readonly Debtor[] }) {
  const t = useT();
  const { money } = useFormat();
  return (
    <div className="card">
      <h2>{t('panel.top')}</h2>
      <ol className="list-plain panel-debtors" data-testid="panel-top-debtors">
        {debtors.map((debtor) => (
          <li key={debtor.client.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => openLedger({ statuses: ['open'], clientIds: [debtor.client.id] })}
            >
              {debtor.client.name}
            </button>
            <span className="num panel-debtor__amounts">
              <span>{money(debtor.outstandingCents)}</span>
              {debtor.overdueCents > 0 && (
                <span className="stat__hint late">
                  {t('panel.top.overdue', { amount: money(debtor.overdueCents) })}
                </span>
              )}
            </span>
            <StatementButton clientId={debtor.client.id} compact />
          </li>
        ))}
      </ol>
    </div>
  );
}
