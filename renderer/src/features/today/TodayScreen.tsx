// "Hoy": overdue invoices first (most overdue on top), then what falls due in the next week.
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { listInvoicesForLedger } from '../../db/queries';
import { hrefOf } from '../../app/router';
import { useToday } from '../../app/use-today';
import { useFormat } from '../../app/use-format';
import { EmptyState } from '../../components/EmptyState';
import { addDays } from '../../../../shared/domain/dates';
import { daysOverdue } from '../../../../shared/domain/invoice';

const LIST_LIMIT = 50;

export function TodayScreen() {
  const t = useT();
  const today = useToday();
  const { money, date } = useFormat();
  const openDialog = useUiStore((state) => state.openDialog);
  const invoices = useLiveQuery(() => listInvoicesForLedger(getDb()), []);
  if (invoices === undefined) return <p>{t('common.loading')}</p>;

  const open = invoices.filter(
    (invoice) =>
      invoice.lifecycle === 'issued' && invoice.outstandingCents > 0 && invoice.nextDueDate,
  );
  const overdue = open
    .map((invoice) => ({ invoice, days: daysOverdue(invoice, today) }))
    .filter((entry) => entry.days > 0)
    .sort((a, b) => b.days - a.days || b.invoice.outstandingCents - a.invoice.outstandingCents);
  const weekAhead = addDays(today, 7);
  const dueSoon = open
    .filter((invoice) => invoice.nextDueDate! >= today && invoice.nextDueDate! <= weekAhead)
    .sort((a, b) => a.nextDueDate!.localeCompare(b.nextDueDate!));

  return (
    <section className="screen" aria-labelledby="today-title">
      <header>
        <h1 id="today-title">{t('today.title')}</h1>
        <p className="screen__lead">{t('today.intro', { date: date(today) })}</p>
      </header>
      {invoices.length === 0 ? (
        <EmptyState
          title={t('today.welcome.title')}
          body={t('today.welcome.body')}
          action={
            <div className="toolbar">
              <button
                type="button"
                className="button button--primary"
                onClick={() => openDialog({ kind: 'client', clientId: null })}
              >
                {t('today.welcome.createClient')}
              </button>
              <a className="button" href={hrefOf({ screen: 'settings' })}>
                {t('today.welcome.loadDemo')}
              </a>
            </div>
          }
        />
      ) : overdue.length === 0 && dueSoon.length === 0 ? (
        <EmptyState title={t('today.allClear')} body={t('today.nothing')} />
      ) : (
        <div className="cards">
          <div className="card">
            <h2>
              {t('today.overdue')} ({overdue.length})
            </h2>
            <ul className="list-plain">
              {overdue.slice(0, LIST_LIMIT).map(({ invoice, days }) => (
                <li key={invoice.id}>
                  <span>
                    <a href={hrefOf({ screen: 'client', clientId: invoice.clientId })}>
                      {invoice.clientName}
                    </a>{' '}
                    · {invoice.number}
                    <br />
                    <span className="late">{t('today.daysLate', { days })}</span>
                  </span>
                  <strong>{money(invoice.outstandingCents)}</strong>
                </li>
              ))}
            </ul>
          </div>
          <div className="card">
            <h2>
              {t('today.dueSoon')} ({dueSoon.length})
            </h2>
            <ul className="list-plain">
              {dueSoon.slice(0, LIST_LIMIT).map((invoice) => (
                <li key={invoice.id}>
                  <span>
                    <a href={hrefOf({ screen: 'client', clientId: invoice.clientId })}>
                      {invoice.clientName}
                    </a>{' '}
                    · {invoice.number}
                    <br />
                    <span className="stat__hint">
                      {t('today.dueOn', { date: date(invoice.nextDueDate) })}
                    </span>
                  </span>
                  <strong>{money(invoice.outstandingCents)}</strong>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </section>
  );
}
