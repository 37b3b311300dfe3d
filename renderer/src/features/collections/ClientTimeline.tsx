// A client's history, newest first: invoices, payments, contacts, reminders, promises and disputes.
import { useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import type { ClientCollections, TimelineEntry } from '../../db/collections-queries';
import { CancelPromiseButton } from './CancelPromiseButton';

function describe(
  entry: TimelineEntry,
  data: ClientCollections,
  t: ReturnType<typeof useT>,
  money: (cents: number) => string,
  date: (value: string) => string,
): { title: string; detail: string } {
  switch (entry.kind) {
    case 'invoice':
      return {
        title: t('coll.client.timeline.invoice', {
          number: entry.invoice.number,
          amount: money(entry.invoice.payableCents),
        }),
        detail: entry.invoice.description,
      };
    case 'payment':
      return {
        title: t('coll.client.timeline.payment', { amount: money(entry.payment.amountCents) }),
        detail: entry.payment.reference,
      };
    case 'activity': {
      const { activity, event } = entry;
      if (event) {
        const kind = data.settings.levels[event.level]?.kind;
        return {
          title: t('coll.client.timeline.reminder', {
            level: kind ? t(`coll.level.${kind}`) : String(event.level + 1),
            channel: t(`coll.channel.${event.channel}`),
          }),
          detail: activity.text,
        };
      }
      const followUp = activity.followUpDate
        ? t('coll.client.timeline.followUp', { date: date(activity.followUpDate) })
        : '';
      return {
        title: [t(`coll.activity.kind.${activity.kind}`), activity.outcome]
          .filter(Boolean)
          .join(': '),
        detail: [activity.text, followUp].filter(Boolean).join(' · '),
      };
    }
    case 'promise': {
      const { promise, evaluation } = entry.promise;
      return {
        title: t('coll.client.timeline.promise', {
          amount: money(promise.amountCents),
          date: date(promise.promisedDate),
          state: t(`coll.promise.state.${evaluation.state}`),
        }),
        detail: '',
      };
    }
    case 'dispute': {
      const { dispute } = entry;
      const number =
        data.invoices.find((invoice) => invoice.id === dispute.invoiceId)?.number ?? '?';
      return {
        title: t('coll.client.timeline.dispute', {
          number,
          reason: t(`coll.dispute.reason.${dispute.reason}`),
          amount: money(dispute.amountCents),
        }),
        detail: [t(`coll.dispute.state.${dispute.status}`), dispute.note]
          .filter(Boolean)
          .join(' · '),
      };
    }
    case 'legal': {
      const { legal } = entry;
      return {
        title: t('legal.timeline', {
          kind: t(`legal.kind.${legal.kind}`),
          channel: legal.channel,
        }),
        detail: [legal.answer, legal.note].filter(Boolean).join(' · '),
      };
    }
  }
}

export function ClientTimeline({ data }: { data: ClientCollections }) {
  const t = useT();
  const { money, date } = useFormat();
  if (data.timeline.length === 0)
    return <p className="screen__lead">{t('coll.client.timeline.empty')}</p>;
  return (
    <ol className="timeline" data-testid="client-timeline">
      {data.timeline.map((entry) => {
        const text = describe(entry, data, t, money, (value) => date(value));
        return (
          <li key={entry.key} className={`timeline__item timeline__item--${entry.kind}`}>
            <span className="timeline__date">{date(entry.date)}</span>
            <span>
              <strong>{text.title}</strong>
              {text.detail && <span className="timeline__detail"> — {text.detail}</span>}
            </span>
            {entry.kind === 'promise' && <CancelPromiseButton promise={entry.promise} />}
          </li>
        );
      })}
    </ol>
  );
}
