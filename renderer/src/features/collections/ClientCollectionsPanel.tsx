// The collections side of a client: risk with reasons, exposure vs limit, hold and pause, disputes, history.
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { getClientCollections } from '../../db/collections-queries';
import { resumeClient, setClientOnHold } from '../../db/dunning-repo';
import { resolveDispute, type DisputeResolution } from '../../db/disputes-repo';
import { useToday } from '../../app/use-today';
import { useFormat } from '../../app/use-format';
import { CollectionDialogs, useCollectionDialog } from './CollectionDialogs';
import { ClientTimeline } from './ClientTimeline';
import { ContractRateField } from './ContractRateField';
import './collections.css';

const RESOLUTIONS: (DisputeResolution | 'credit_note')[] = ['resumed', 'credit_note', 'write_off'];

export function ClientCollectionsPanel({ clientId }: { clientId: string }) {
  const t = useT();
  const today = useToday();
  const { money, date } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  const openDialog = useUiStore((state) => state.openDialog);
  const [dialog, setDialog] = useCollectionDialog();
  const data = useLiveQuery(
    () => getClientCollections(getDb(), clientId, today),
    [clientId, today],
  );
  if (!data) return null;
  const { client, risk, exposure, dunning } = data;
  const fail = (error: unknown) =>
    showToast({ tone: 'error', message: t('error.generic', { message: String(error) }) });
  const limit = client.creditLimitCents;
  const levelKind = dunning.level === null ? undefined : data.settings.levels[dunning.level]?.kind;
  // The reminder stays at hand while a promise is pending; the note says so.
  const pendingPromise = data.promises
    .filter(({ evaluation }) => evaluation.state === 'open' || evaluation.state === 'due')
    .map(({ promise }) => promise.promisedDate)
    .sort()[0];
  const nextKind = dunning.next ? data.settings.levels[dunning.next.level]?.kind : undefined;
  const openDisputes = data.disputes.filter((dispute) => dispute.status === 'open');
  const openInvoices = data.invoices.filter(
    (invoice) => invoice.lifecycle === 'issued' && invoice.outstandingCents > invoice.disputedCents,
  );
  const isNew = risk.reasons.some((reason) => reason.code === 'no_history');
  const checklist = [
    ['taxId', client.taxId !== ''],
    ['contact', client.contactPerson !== '' && client.email !== ''],
    ['terms', client.paymentTermDays > 0],
    ['limit', limit !== null],
  ] as const;

  function resolve(disputeId: string, amountCents: number, resolution: DisputeResolution) {
    if (
      resolution !== 'resumed' &&
      !window.confirm(t('coll.dispute.resolveConfirm', { amount: money(amountCents) }))
    )
      return;
    resolveDispute(getDb(), disputeId, resolution)
      .then(() => showToast({ tone: 'success', message: t('coll.dispute.resolved') }))
      .catch(fail);
  }

  return (
    <>
      {client.onHold && <p className="alert alert--warning">{t('coll.client.onHoldOn')}</p>}
      {client.pausedUntil && client.pausedUntil > today && (
        <p className="alert alert--info">
          {t('coll.client.pausedUntil', { date: date(client.pausedUntil) })}{' '}
          <button
            type="button"
            className="button button--link"
            onClick={() => void resumeClient(getDb(), client.id).catch(fail)}
          >
            {t('coll.client.resume')}
          </button>
        </p>
      )}
      <div className="cards">
        <div className="card" data-testid="client-risk">
          <div className="stat__label">{t('coll.client.risk.title')}</div>
          <div className={`stat__value risk-grade risk-grade--${risk.grade}`}>
            {t('coll.client.risk', { grade: risk.grade })}
          </div>
          <ul className="risk-reasons">
            {risk.reasons.map((reason) => (
              <li key={reason.code}>
                {t(`coll.client.risk.${reason.code}`, {
                  ...reason.params,
                  ...(reason.params?.limitCents !== undefined
                    ? { limit: money(reason.params.limitCents) }
                    : {}),
                })}
              </li>
            ))}
          </ul>
        </div>
        <div className="card">
          <div className="stat__label">{t('coll.client.exposure')}</div>
          <div
            className={
              limit !== null && exposure.exposureCents > limit ? 'stat__value late' : 'stat__value'
            }
          >
            {money(exposure.exposureCents)}
          </div>
          <div className="stat__hint">
            {t('coll.client.exposure.detail', {
              overdue: money(exposure.overdueCents),
              notDue: money(exposure.notYetDueCents),
            })}
          </div>
          <div className="stat__hint">
            {limit === null
              ? t('coll.client.noLimit')
              : t('coll.client.limit', { limit: money(limit) })}
          </div>
          <label className="hold-switch">
            <input
              type="checkbox"
              checked={client.onHold}
              onChange={(event) =>
                void setClientOnHold(getDb(), client.id, event.target.checked).catch(fail)
              }
            />{' '}
            {t('coll.client.onHold')}
          </label>
          <ContractRateField clientId={client.id} rate={client.contractInterestPercent ?? null} />
        </div>
        {isNew && (
          <div className="card">
            <div className="stat__label">{t('coll.client.checklist.title')}</div>
            <ul className="checklist">
              {checklist.map(([key, ok]) => (
                <li key={key} className={ok ? 'checklist__ok' : 'checklist__todo'}>
                  <span aria-hidden="true">{ok ? '✔' : '○'}</span>{' '}
                  {t(`coll.client.checklist.${key}`)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>

      <div className="card">
        <div className="screen__header">
          <h2>{t('coll.client.timeline')}</h2>
          <div className="toolbar">
            {levelKind && (
              <button
                type="button"
                className="button button--primary"
                onClick={() => setDialog({ kind: 'reminder', clientId })}
              >
                {t('coll.action.send_reminder', { level: t(`coll.level.${levelKind}`) })}
              </button>
            )}
            <button
              type="button"
              className="button"
              onClick={() => setDialog({ kind: 'activity', clientId, withPromise: false })}
            >
              {t('coll.action.call')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => setDialog({ kind: 'activity', clientId, withPromise: true })}
            >
              {t('coll.action.promise')}
            </button>
            {openInvoices.length > 0 && (
              <select
                aria-label={t('coll.dispute.open')}
                className="input"
                value=""
                onChange={(event) =>
                  event.target.value &&
                  setDialog({ kind: 'dispute', invoiceId: event.target.value })
                }
              >
                <option value="">{t('coll.dispute.open')}…</option>
                {openInvoices.map((invoice) => (
                  <option key={invoice.id} value={invoice.id}>
                    {invoice.number}
                  </option>
                ))}
              </select>
            )}
          </div>
        </div>
        {dunning.skipped.length > 0 && (
          <p className="stat__hint">
            {t('hoy.skipped', {
              list: dunning.skipped
                .map((s) => `${s.number} (${t(`coll.skip.${s.reason}`)})`)
                .join(', '),
            })}
          </p>
        )}
        {pendingPromise && (
          <p className="stat__hint" data-testid="promise-note">
            {t('hoy.promiseNote', { date: date(pendingPromise) })}
          </p>
        )}
        {dunning.next && nextKind && (
          <p className="stat__hint" data-testid="next-step">
            {t('hoy.nextStep', {
              level: t(`coll.level.${nextKind}`),
              date: date(dunning.next.date),
            })}
          </p>
        )}
        {openDisputes.map((dispute) => (
          <div key={dispute.id} className="alert alert--warning dispute-row">
            <span>
              {t('coll.client.timeline.dispute', {
                number:
                  data.invoices.find((invoice) => invoice.id === dispute.invoiceId)?.number ?? '?',
                reason: t(`coll.dispute.reason.${dispute.reason}`),
                amount: money(dispute.amountCents),
              })}
            </span>
            <span className="toolbar">
              {RESOLUTIONS.map((resolution) => (
                <button
                  key={resolution}
                  type="button"
                  className="button"
                  onClick={() =>
                    resolution === 'credit_note'
                      ? openDialog({
                          kind: 'invoiceDetail',
                          invoiceId: dispute.invoiceId,
                          settleDispute: {
                            id: dispute.id,
                            amountCents: dispute.amountCents,
                            reason: t(`coll.dispute.reason.${dispute.reason}`),
                          },
                        })
                      : resolve(dispute.id, dispute.amountCents, resolution)
                  }
                >
                  {t(`coll.dispute.resolve.${resolution}`)}
                </button>
              ))}
            </span>
          </div>
        ))}
        <ClientTimeline data={data} />
      </div>
      <CollectionDialogs dialog={dialog} onClose={() => setDialog(null)} />
    </>
  );
}
