// "Hoy": the prioritized worklist — whom to chase today, why, and the next action in one click.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb, isDemoDatabase } from '../../db/database';
import { getFirstRunProgress, guideVisible } from '../../db/first-run';
import { getWorklist } from '../../db/collections-queries';
import { completeFollowUp } from '../../db/activities-repo';
import { pauseClient } from '../../db/dunning-repo';
import { hrefOf } from '../../app/router';
import { useToday } from '../../app/use-today';
import { useFormat } from '../../app/use-format';
import { EmptyState } from '../../components/EmptyState';
import { CollectionDialogs, useCollectionDialog } from '../collections/CollectionDialogs';
import { WorkItemRow, type WorkItemActions } from './WorkItemRow';
import { VatTodayCard } from '../vat/VatTodayCard';
import { FirstRunGuide } from './FirstRunGuide';
import { representInstallment } from '../../db/direct-debits-queries';
import { useReadyMark } from '../ledger/bench-marks';
import './today.css';

const PAGE = 50;

export function TodayScreen() {
  const t = useT();
  const today = useToday();
  const { date, count, money } = useFormat();
  const openDialog = useUiStore((state) => state.openDialog);
  const showToast = useUiStore((state) => state.showToast);
  const [dialog, setDialog] = useCollectionDialog();
  const [shown, setShown] = useState(PAGE);
  const loaded = useLiveQuery(() => getWorklist(getDb(), today), [today]);
  const progress = useLiveQuery(() => getFirstRunProgress(getDb()), []);
  useReadyMark('today', loaded !== undefined);
  if (loaded === undefined) return <p>{t('common.loading')}</p>;
  // The demonstration has its data already: the guide is for the user's own ledger.
  const guide = progress !== undefined && !isDemoDatabase() && guideVisible(progress);
  const { worklist, settings, clientCount } = loaded;

  const fail = (error: unknown) =>
    showToast({ tone: 'error', message: t('error.generic', { message: String(error) }) });
  const actions: WorkItemActions = {
    // The letter the button names: a friendly notice for invoices about to fall due opens that
    // notice for those invoices, not the client's most severe letter.
    reminder: (item) =>
      setDialog({
        kind: 'reminder',
        clientId: item.clientId,
        ...(item.kind === 'due_soon' && item.dunningLevel !== null
          ? { only: { level: item.dunningLevel, invoiceIds: item.invoiceIds } }
          : {}),
      }),
    call: (item) => setDialog({ kind: 'activity', clientId: item.clientId, withPromise: false }),
    promise: (item) => setDialog({ kind: 'activity', clientId: item.clientId, withPromise: true }),
    pause: (item) => {
      pauseClient(getDb(), item.clientId, today, settings.defaultPauseDays)
        .then((client) =>
          showToast({
            tone: 'success',
            message: t('coll.action.paused', {
              name: client.name,
              date: date(client.pausedUntil ?? today),
            }),
          }),
        )
        .catch(fail);
    },
    done: (item) => {
      if (item.refId) completeFollowUp(getDb(), item.refId).catch(fail);
    },
    represent: (item) => {
      if (!item.represent) return;
      representInstallment(getDb(), item.represent.installmentId)
        .then(() => showToast({ tone: 'success', message: t('hoy.represent.done') }))
        .catch(fail);
    },
  };
  const items = worklist.items;

  return (
    <section className="screen" aria-labelledby="today-title">
      <header>
        <h1 id="today-title">{t('today.title')}</h1>
        <p className="screen__lead">
          {t('hoy.lead', { count: count(items.length), date: date(today) })}
        </p>
        {clientCount > 0 && (
          // The ledger's state (ledger-state.ts): the same overdue figure as Panel and the ledger.
          <p className="screen__lead" data-testid="today-overdue">
            {worklist.totals.inPlanOverdueCents > 0
              ? t('hoy.overdueInPlan', {
                  amount: money(worklist.totals.overdueCents),
                  inPlan: money(worklist.totals.inPlanOverdueCents),
                })
              : t('hoy.overdue', { amount: money(worklist.totals.overdueCents) })}
          </p>
        )}
      </header>
      {guide && <FirstRunGuide progress={progress} />}
      {/* While the guide shows, it is the page's message: no "nothing to do, well done" under it. */}
      {(clientCount === 0 || items.length === 0) && guide ? null : clientCount === 0 ? (
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
      ) : items.length === 0 ? (
        <EmptyState title={t('hoy.empty.title')} body={t('hoy.empty.body')} />
      ) : (
        <div className="card">
          <table className="table worklist">
            <thead>
              <tr>
                <th scope="col">{t('hoy.col.client')}</th>
                <th scope="col">{t('hoy.col.why')}</th>
                <th scope="col" className="num">
                  {t('hoy.col.amount')}
                </th>
                <th scope="col">{t('hoy.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {items.slice(0, shown).map((item) => (
                <WorkItemRow
                  key={item.key}
                  item={item}
                  risk={item.risk}
                  settings={settings}
                  actions={actions}
                />
              ))}
            </tbody>
          </table>
          {items.length > shown && (
            <button type="button" className="button" onClick={() => setShown(shown + PAGE)}>
              {t('hoy.showMore', { count: count(Math.min(PAGE, items.length - shown)) })}
            </button>
          )}
        </div>
      )}
      {clientCount > 0 && <VatTodayCard />}
      {worklist.pausedClients > 0 && (
        <p className="stat__hint">{t('hoy.paused', { count: worklist.pausedClients })}</p>
      )}
      <CollectionDialogs dialog={dialog} onClose={() => setDialog(null)} />
    </section>
  );
}
