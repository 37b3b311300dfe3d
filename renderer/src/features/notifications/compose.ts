// Turns the engine's planned notifications into the texts shown and stored, in the person's language.
import type { Language } from '../../../../shared/domain/records';
import type {
  NotificationEvent,
  NotificationKind,
  PlannedNotification,
} from '../../../../shared/domain/notification-engine';
import { formatEuros } from '../../../../shared/domain/money';
import { formatDate } from '../../../../shared/domain/dates';
import { localeOf, translate, type MessageKey } from '../../i18n';
import type { NotificationToRecord } from '../../db/notifications-repo';

const KIND_ORDER: readonly NotificationKind[] = [
  'invoice_overdue',
  'invoice_due_today',
  'invoice_due_soon',
  'installment_missed',
  'installment_due',
  'promise_broken',
  'promise_due',
  'followup_due',
  'prescription_warning',
  'vat_window_lost',
  'vat_window_closing',
  'vat_window_opens',
];

function dueDateOf(event: NotificationEvent): string {
  // Overdue and missed events happen the day after the due date.
  const key = event.eventKey.split(':');
  return key[key.length - 1] ?? '';
}

export function composeEvent(
  event: NotificationEvent,
  language: Language,
): { title: string; body: string } {
  const locale = localeOf(language);
  const dateText = /^\d{4}-\d{2}-\d{2}$/.test(dueDateOf(event))
    ? formatDate(dueDateOf(event), locale)
    : '';
  const params = {
    label: event.label,
    days: event.daysLeft,
    client: event.clientName,
    amount: formatEuros(event.amountCents, locale),
    date: dateText,
    text: event.label,
  };
  const titleKey: MessageKey =
    event.kind === 'invoice_due_soon' && event.daysLeft === 1
      ? 'notify.invoice_due_soon.titleOne'
      : `notify.${event.kind}.title`;
  return {
    title: translate(language, titleKey, params),
    body: translate(language, `notify.${event.kind}.body`, params),
  };
}

function composeDigest(
  planned: Extract<PlannedNotification, { type: 'digest' }>,
  language: Language,
): { title: string; body: string } {
  const locale = localeOf(language);
  const amount = formatEuros(planned.digest.overdueCents, locale);
  const { counts } = planned.digest;
  const parts: string[] = [];
  for (const kind of KIND_ORDER) {
    const count = counts[kind] ?? 0;
    if (count === 0) continue;
    if (kind === 'invoice_overdue' && planned.digest.reason === 'away') {
      const key =
        count === 1 ? 'notify.digest.overdueSentenceOne' : 'notify.digest.overdueSentence';
      parts.push(translate(language, key, { count, amount }));
    } else {
      parts.push(translate(language, `notify.count.${kind}`, { count, amount }));
    }
  }
  return {
    title: translate(language, `notify.digest.${planned.digest.reason}.title`),
    body: parts.join(' · '),
  };
}

export function composeForRecord(
  planned: PlannedNotification,
  language: Language,
): NotificationToRecord {
  if (planned.type === 'single') {
    return {
      eventKey: planned.event.eventKey,
      kind: planned.event.kind,
      ...composeEvent(planned.event, language),
      target: planned.event.target,
      folded: [],
    };
  }
  return {
    eventKey: planned.eventKey,
    kind: `digest_${planned.digest.reason}`,
    ...composeDigest(planned, language),
    target: null,
    folded: planned.events.map((event) => ({
      eventKey: event.eventKey,
      kind: event.kind,
      ...composeEvent(event, language),
      target: event.target,
    })),
  };
}
