// Notifications: their settings, the engine's input, what was notified (once per event) and the centre.
import type {
  Instant,
  InvoiceRecord,
  NotificationRecord,
  NotificationTargetRef,
} from '../../../shared/domain/records';
import {
  validateNotificationSettings,
  withDefaults,
  type NotificationSettings,
} from '../../../shared/domain/notification-settings';
import { addDays, type CalendarDate } from '../../../shared/domain/dates';
import type { EngineInput } from '../../../shared/domain/notification-engine';
import { canForgetEvent, NOTIFICATIONS_KEPT } from '../../../shared/domain/notification-retention';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { newId, throwIfIssues } from './repo-helpers';

/** How many notifications the centre lists. */
export const CENTRE_SIZE = 50;

export async function getNotificationSettings(db: CuentasDatabase): Promise<NotificationSettings> {
  const row = await db.settings.get('notifications');
  return withDefaults(row?.key === 'notifications' ? row.value : undefined);
}

export async function saveNotificationSettings(
  db: CuentasDatabase,
  settings: NotificationSettings,
): Promise<NotificationSettings> {
  throwIfIssues(validateNotificationSettings(settings));
  const value = withDefaults(settings);
  return db.transaction('rw', [db.settings, db.audit], async () => {
    const before = await db.settings.get('notifications');
    await db.settings.put({ key: 'notifications', value });
    await writeAudit(db, {
      entity: 'setting',
      entityId: 'notifications',
      action: before ? 'update' : 'create',
      summary: value.enabled ? 'Avisos activados' : 'Avisos desactivados',
      before: before?.value ?? null,
      after: value,
    });
    return value;
  });
}

/** Every eventKey already notified, read from the unique index alone. */
export async function notifiedKeys(db: CuentasDatabase): Promise<Set<string>> {
  const keys = await db.notifications.orderBy('eventKey').uniqueKeys();
  return new Set(keys.map(String));
}

/**
 * What the engine needs. Only invoices whose first open due is within the warning window are read:
 * later dues never come before nextDueDate, and the index leaves settled (null) invoices out.
 */
export async function loadEngineInput(
  db: CuentasDatabase,
  settings: NotificationSettings,
  now: EngineInput['now'],
): Promise<EngineInput> {
  const horizon: CalendarDate = addDays(now.date, settings.daysBeforeDue);
  return db.transaction(
    'r',
    [
      db.invoices,
      db.plans,
      db.installments,
      db.promises,
      db.activities,
      db.clients,
      db.notifications,
    ],
    async () => {
      const [invoices, plans, promises, activities, clients, keys] = await Promise.all([
        db.invoices.where('nextDueDate').belowOrEqual(horizon).toArray(),
        db.plans.where('status').equals('active').toArray(),
        db.promises.where('status').anyOf('open', 'broken').toArray(),
        db.activities.where('followUpDate').belowOrEqual(now.date).toArray(),
        db.clients.toArray(),
        notifiedKeys(db),
      ]);
      const installments = await db.installments
        .where('planId')
        .anyOf(plans.map((plan) => plan.id))
        .toArray();
      return {
        invoices,
        plans,
        installments,
        promises,
        activities,
        clientNames: new Map(clients.map((client) => [client.id, client.name])),
        settings,
        now,
        notifiedKeys: keys,
      };
    },
  );
}

export interface NotificationToRecord {
  eventKey: string;
  kind: string;
  title: string;
  body: string;
  target: NotificationTargetRef | null;
  /** Events folded into this one (a digest): recorded so they are never notified again. */
  folded: {
    eventKey: string;
    kind: string;
    title: string;
    body: string;
    target: NotificationTargetRef | null;
  }[];
}

/**
 * Records notifications in one transaction and returns only those not recorded before: two windows
 * or a reload racing the same check cannot both show an event.
 */
export async function recordNotifications(
  db: CuentasDatabase,
  items: readonly NotificationToRecord[],
  firedAt: Instant,
): Promise<NotificationRecord[]> {
  return db.transaction('rw', [db.notifications], async () => {
    const wanted = items.flatMap((item) => [item.eventKey, ...item.folded.map((f) => f.eventKey)]);
    const existing = new Set(
      (await db.notifications.where('eventKey').anyOf(wanted).toArray()).map((row) => row.eventKey),
    );
    const shown: NotificationRecord[] = [];
    const rows: NotificationRecord[] = [];
    for (const item of items) {
      if (existing.has(item.eventKey)) continue;
      const { folded, ...rest } = item;
      const record: NotificationRecord = { ...rest, id: newId(), firedAt, readAt: null };
      shown.push(record);
      rows.push(record);
      for (const inner of folded) {
        if (existing.has(inner.eventKey)) continue;
        existing.add(inner.eventKey);
        rows.push({ ...inner, id: newId(), firedAt, readAt: firedAt, foldedInto: item.eventKey });
      }
    }
    await db.notifications.bulkAdd(rows);
    return shown;
  });
}

/** The centre: the last notifications shown (events folded into a digest are not listed), newest first. */
export async function listRecentNotifications(
  db: CuentasDatabase,
  limit: number = CENTRE_SIZE,
): Promise<NotificationRecord[]> {
  return db.notifications
    .orderBy('firedAt')
    .reverse()
    .filter((row) => row.foldedInto === undefined)
    .limit(limit)
    .toArray();
}

export async function markNotificationRead(
  db: CuentasDatabase,
  id: string,
  at: Instant,
): Promise<void> {
  await db.notifications
    .where('id')
    .equals(id)
    .and((row) => row.readAt === null)
    .modify({ readAt: at });
}

/** Marks read everything the centre lists. */
export async function markAllNotificationsRead(db: CuentasDatabase, at: Instant): Promise<number> {
  const unread = (await listRecentNotifications(db)).filter((row) => row.readAt === null);
  await db.transaction('rw', [db.notifications], async () => {
    for (const row of unread) await db.notifications.update(row.id, { readAt: at });
  });
  return unread.length;
}

/** What opening an invoice target needs: its number (to find it in the ledger) and its client. */
export async function invoiceForTarget(
  db: CuentasDatabase,
  id: string,
): Promise<Pick<InvoiceRecord, 'id' | 'number' | 'clientId'> | null> {
  const invoice = await db.invoices.get(id);
  return invoice ? { id: invoice.id, number: invoice.number, clientId: invoice.clientId } : null;
}

/**
 * Forgets old notification records so the table does not grow for ever: the newest
 * `keep` (and whatever the centre lists) stay, and of the rest only events the engine can never
 * produce again go (see canForgetEvent), so pruning never makes a notification repeat.
 */
export async function pruneNotifications(
  db: CuentasDatabase,
  today: CalendarDate,
  keep: number = NOTIFICATIONS_KEPT,
): Promise<number> {
  return db.transaction('rw', [db.notifications], async () => {
    if ((await db.notifications.count()) <= keep) return 0;
    const listed = new Set((await listRecentNotifications(db)).map((row) => row.id));
    const older = await db.notifications.orderBy('firedAt').reverse().offset(keep).toArray();
    const doomed = older
      .filter((row) => !listed.has(row.id) && canForgetEvent(row.eventKey, today))
      .map((row) => row.id);
    await db.notifications.bulkDelete(doomed);
    return doomed.length;
  });
}
