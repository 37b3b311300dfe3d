// "Panel": how much is owed, how much of it is late, and how old the debt is.
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { getDb } from '../../db/database';
import { listInvoicesForLedger, overdueCentsOf } from '../../db/queries';
import { useToday } from '../../app/use-today';
import { useFormat } from '../../app/use-format';
import { AGING_BUCKETS, agingTotals } from '../../../../shared/domain/aging';

export function DashboardScreen() {
  const t = useT();
  const today = useToday();
  const { money, count, locale } = useFormat();
  const invoices = useLiveQuery(() => listInvoicesForLedger(getDb()), []);
  if (invoices === undefined) return <p>{t('common.loading')}</p>;

  const issued = invoices.filter((invoice) => invoice.lifecycle === 'issued');
  const receivable = issued.reduce((sum, invoice) => sum + invoice.outstandingCents, 0);
  const overdue = issued.reduce((sum, invoice) => sum + overdueCentsOf(invoice, today), 0);
  const openCount = issued.filter((invoice) => invoice.outstandingCents > 0).length;
  const clientCount = new Set(
    issued.filter((invoice) => invoice.outstandingCents > 0).map((invoice) => invoice.clientId),
  ).size;
  const aging = agingTotals(invoices, today);
  const largest = Math.max(1, ...AGING_BUCKETS.map((bucket) => aging[bucket]));
  const share = receivable > 0 ? overdue / receivable : 0;

  return (
    <section className="screen" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      <div className="cards">
        <div className="card">
          <div className="stat__label">{t('dashboard.receivable')}</div>
          <div className="stat__value">{money(receivable)}</div>
        </div>
        <div className="card">
          <div className="stat__label">{t('dashboard.overdue')}</div>
          <div className={overdue > 0 ? 'stat__value late' : 'stat__value'}>{money(overdue)}</div>
          <div className="stat__hint">
            {t('dashboard.overdueShare', {
              percent: share.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 }),
            })}
          </div>
        </div>
        <div className="card">
          <div className="stat__label">{t('dashboard.invoices')}</div>
          <div className="stat__value">{count(openCount)}</div>
          <div className="stat__hint">
            {t('dashboard.clients')}: {count(clientCount)}
          </div>
        </div>
      </div>
      <div className="card">
        <h2>{t('dashboard.aging')}</h2>
        {AGING_BUCKETS.map((bucket) => (
          <div key={bucket} className="bar-row">
            <span>{t(`aging.${bucket}`)}</span>
            <div
              className="bar"
              style={{
                width: `${(aging[bucket] / largest) * 100}%`,
                minWidth: aging[bucket] > 0 ? 2 : 0,
              }}
            />
            <span className="num" style={{ textAlign: 'right' }}>
              {money(aging[bucket])}
            </span>
          </div>
        ))}
      </div>
    </section>
  );
}
