// One row of "Hoy": who, why, how much, and the next action in one click.
import { useT, type Translate } from '../../i18n';
import { hrefOf } from '../../app/router';
import { useFormat } from '../../app/use-format';
import type { WorkItem } from '../../../../shared/domain/worklist';
import type { DunningSettings } from '../../../../shared/domain/dunning';
import type { RiskGrade } from '../../../../shared/domain/risk';

export interface WorkItemActions {
  reminder: (item: WorkItem) => void;
  call: (item: WorkItem) => void;
  promise: (item: WorkItem) => void;
  pause: (item: WorkItem) => void;
  done: (item: WorkItem) => void;
  /** A returned receipt: present it to the bank again in the next file. */
  represent: (item: WorkItem) => void;
}

function whyOf(item: WorkItem, t: Translate, date: (value: string) => string): string {
  switch (item.kind) {
    case 'overdue':
      return t(item.invoiceIds.length === 1 ? 'hoy.why.overdue.one' : 'hoy.why.overdue.many', {
        count: item.invoiceIds.length,
        days: item.daysOverdue,
      });
    default:
      return t(`hoy.why.${item.kind}`, { date: date(item.date) });
  }
}

export function WorkItemRow(props: {
  item: WorkItem;
  risk: RiskGrade;
  settings: DunningSettings;
  actions: WorkItemActions;
}) {
  const { item, risk, settings, actions } = props;
  const t = useT();
  const { money, date } = useFormat();
  const levelKind =
    item.dunningLevel === null ? undefined : settings.levels[item.dunningLevel]?.kind;
  // A row waiting on a promise keeps its buttons, none of them loud.
  const primaryClass = item.kind === 'promise_pending' ? 'button' : 'button button--primary';
  const nextKind = item.nextStep ? settings.levels[item.nextStep.level]?.kind : undefined;
  const primary =
    item.nextAction === 'send_reminder' && levelKind ? (
      <button type="button" className={primaryClass} onClick={() => actions.reminder(item)}>
        {t('coll.action.send_reminder', { level: t(`coll.level.${levelKind}`) })}
      </button>
    ) : item.nextAction === 'review_plan' ? (
      <a className={primaryClass} href={hrefOf({ screen: 'plans' })}>
        {t('coll.action.review_plan')}
      </a>
    ) : (
      <button type="button" className={primaryClass} onClick={() => actions.call(item)}>
        {t(`coll.action.${item.nextAction === 'check_payment' ? 'check_payment' : 'call'}`)}
      </button>
    );
  return (
    <tr
      data-testid="work-item"
      data-kind={item.kind}
      className={item.kind === 'promise_pending' ? 'work-item--waiting' : undefined}
    >
      <td>
        <a href={hrefOf({ screen: 'client', clientId: item.clientId })}>{item.clientName}</a>
        <span className={`badge badge--risk badge--risk-${risk}`}>
          {t('hoy.risk', { grade: risk })}
        </span>
      </td>
      <td>
        <span
          className={item.daysOverdue > 0 && item.kind !== 'promise_pending' ? 'late' : undefined}
        >
          {whyOf(item, t, date)}
        </span>
        {item.promisedUntil && item.kind !== 'promise_pending' && levelKind && (
          <div className="stat__hint" data-testid="promise-note">
            {t('hoy.promiseNote', { date: date(item.promisedUntil) })}
          </div>
        )}
        {item.nextStep && nextKind && (
          <div className="stat__hint" data-testid="next-step">
            {t('hoy.nextStep', {
              level: t(`coll.level.${nextKind}`),
              date: date(item.nextStep.date),
            })}
          </div>
        )}
        {item.skipped.length > 0 && (
          <div className="stat__hint">
            {t('hoy.skipped', {
              list: item.skipped
                .map((s) => `${s.number} (${t(`coll.skip.${s.reason}`)})`)
                .join(', '),
            })}
          </div>
        )}
      </td>
      <td className="num">{money(item.amountCents)}</td>
      <td>
        <div className="toolbar work-item__actions">
          {primary}
          {item.nextAction !== 'send_reminder' && levelKind && (
            <button type="button" className="button" onClick={() => actions.reminder(item)}>
              {t('coll.action.send_reminder', { level: t(`coll.level.${levelKind}`) })}
            </button>
          )}
          {item.represent?.state === 'ready' && (
            <button type="button" className="button" onClick={() => actions.represent(item)}>
              {t('hoy.represent')}
            </button>
          )}
          {item.represent?.state === 'requested' && (
            <span className="stat__hint" data-testid="represent-requested">
              {t('hoy.represent.requested')}
            </span>
          )}
          {item.nextAction !== 'call' && item.nextAction !== 'check_payment' && (
            <button type="button" className="button" onClick={() => actions.call(item)}>
              {t('coll.action.call')}
            </button>
          )}
          <button type="button" className="button" onClick={() => actions.promise(item)}>
            {t('coll.action.promise')}
          </button>
          {item.kind === 'follow_up' ? (
            <button type="button" className="button" onClick={() => actions.done(item)}>
              {t('coll.activity.done')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => actions.pause(item)}>
              {t('coll.action.pause', { days: settings.defaultPauseDays })}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
