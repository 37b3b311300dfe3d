import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import {
  getNotificationSettings,
  listRecentNotifications,
  loadEngineInput,
  markAllNotificationsRead,
  markNotificationRead,
  notifiedKeys,
  recordNotifications,
  saveNotificationSettings,
  type NotificationToRecord,
} from '../../../../renderer/src/db/notifications-repo';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../../../shared/domain/notification-settings';
import { clientInput, freshDb, invoiceInput, issueCodesOf } from './test-db';

let db: CuentasDatabase;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

function item(eventKey: string, folded: string[] = []): NotificationToRecord {
  return {
    eventKey,
    kind: 'invoice_overdue',
    title: `Título ${eventKey}`,
    body: 'Cuerpo',
    target: { kind: 'invoice', id: 'inv1' },
    folded: folded.map((key) => ({
      eventKey: key,
      kind: 'invoice_overdue',
      title: key,
      body: '',
      target: null,
    })),
  };
}

describe('notifications repository', () => {
  it('returns the defaults until settings are saved, then what was saved', async () => {
    expect(await getNotificationSettings(db)).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    await saveNotificationSettings(db, {
      ...DEFAULT_NOTIFICATION_SETTINGS,
      enabled: true,
      daysBeforeDue: 5,
    });
    const stored = await getNotificationSettings(db);
    expect(stored.enabled).toBe(true);
    expect(stored.daysBeforeDue).toBe(5);
    expect((await db.audit.toArray()).map((a) => a.summary)).toEqual(['Avisos activados']);
  });

  it('refuses settings out of range and stores nothing', async () => {
    const codes = await issueCodesOf(
      saveNotificationSettings(db, { ...DEFAULT_NOTIFICATION_SETTINGS, daysBeforeDue: 99 }),
    );
    expect(codes).toEqual(['out_of_range']);
    expect(await db.settings.count()).toBe(0);
  });

  it('records an event once, even when the same check runs twice', async () => {
    const first = await recordNotifications(db, [item('a'), item('b')], '2026-11-23T09:00:00.000Z');
    expect(first.map((r) => r.eventKey)).toEqual(['a', 'b']);
    const second = await recordNotifications(
      db,
      [item('a'), item('c')],
      '2026-11-23T09:05:00.000Z',
    );
    expect(second.map((r) => r.eventKey)).toEqual(['c']);
    expect(await notifiedKeys(db)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('keeps the events folded into a digest as notified but lists only the digest', async () => {
    await recordNotifications(db, [item('digest:1', ['x', 'y'])], '2026-11-23T09:00:00.000Z');
    expect(await notifiedKeys(db)).toEqual(new Set(['digest:1', 'x', 'y']));
    const centre = await listRecentNotifications(db);
    expect(centre.map((r) => r.eventKey)).toEqual(['digest:1']);
  });

  it('lists the last 50 newest first and marks them read', async () => {
    for (let i = 0; i < 55; i += 1) {
      const minute = String(i).padStart(2, '0');
      await recordNotifications(db, [item(`k${i}`)], `2026-11-23T09:${minute}:00.000Z`);
    }
    const centre = await listRecentNotifications(db);
    expect(centre).toHaveLength(50);
    expect(centre[0]?.eventKey).toBe('k54');
    expect(centre[49]?.eventKey).toBe('k5');
    await markNotificationRead(db, centre[0]?.id ?? '', '2026-11-23T10:00:00.000Z');
    expect((await listRecentNotifications(db))[0]?.readAt).toBe('2026-11-23T10:00:00.000Z');
    expect(await markAllNotificationsRead(db, '2026-11-23T10:01:00.000Z')).toBe(49);
    const after = await listRecentNotifications(db);
    expect(after.every((r) => r.readAt !== null)).toBe(true);
    expect(after[0]?.readAt).toBe('2026-11-23T10:00:00.000Z');
  });

  it('loads only invoices whose first open due falls within the warning window', async () => {
    const client = await createClient(db, clientInput());
    await createInvoice(
      db,
      invoiceInput(client.id, {
        number: 'near',
        dues: [{ dueDate: '2026-11-25', amountCents: 1_210_00 }],
      }),
    );
    await createInvoice(
      db,
      invoiceInput(client.id, {
        number: 'far',
        issueDate: '2026-11-01',
        dues: [{ dueDate: '2026-12-31', amountCents: 1_210_00 }],
      }),
    );
    await recordNotifications(db, [item('seen')], '2026-11-23T09:00:00.000Z');
    const loaded = await loadEngineInput(db, DEFAULT_NOTIFICATION_SETTINGS, {
      instant: '2026-11-23T09:00:00.000Z',
      date: '2026-11-23',
      minutes: 600,
    });
    expect(loaded.invoices.map((i) => i.number)).toEqual(['near']);
    expect(loaded.clientNames.get(client.id)).toBe('Talleres Hermanos García S.L.');
    expect(loaded.notifiedKeys).toEqual(new Set(['seen']));
  });
});
