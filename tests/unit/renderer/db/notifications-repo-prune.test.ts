import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import {
  listRecentNotifications,
  notifiedKeys,
  pruneNotifications,
  recordNotifications,
  type NotificationToRecord,
} from '../../../../renderer/src/db/notifications-repo';
import { freshDb } from './test-db';

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
    kind: 'invoice_due_soon',
    title: eventKey,
    body: '',
    target: null,
    folded: folded.map((key) => ({ eventKey: key, kind: 'x', title: key, body: '', target: null })),
  };
}

const dateOf = (day: number): string =>
  new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);

/** One record per day from 2025-01-01, oldest first: a due-soon warning and an overdue event. */
async function fillDays(days: number): Promise<void> {
  for (let day = 0; day < days; day += 1) {
    const date = dateOf(day);
    await recordNotifications(
      db,
      [item(`invoice:inv-${day}:due-in-3:${date}`), item(`invoice:inv-${day}:overdue:${date}`)],
      `${date}T09:00:00.000Z`,
    );
  }
}

describe('pruneNotifications', () => {
  it('does nothing while the table holds no more than the records it keeps', async () => {
    await fillDays(5);
    expect(await pruneNotifications(db, '2027-01-01', 10)).toBe(0);
    expect(await db.notifications.count()).toBe(10);
  });

  it("keeps the newest records, the centre's list and every event that could still come again", async () => {
    await fillDays(60);
    const removed = await pruneNotifications(db, '2025-06-01', 20);
    const keys = await notifiedKeys(db);
    // The centre's 50 (the last 25 days) stay whatever they are.
    expect(keys.has('invoice:inv-59:due-in-3:2025-03-01')).toBe(true);
    expect(keys.has('invoice:inv-35:due-in-3:2025-02-05')).toBe(true);
    // Older due-soon warnings can never come again; overdue events can, and stay.
    expect(keys.has('invoice:inv-34:due-in-3:2025-02-04')).toBe(false);
    for (let day = 0; day < 60; day += 1) {
      expect(keys.has(`invoice:inv-${day}:overdue:${dateOf(day)}`)).toBe(true);
    }
    expect(removed).toBe(35);
    expect(await db.notifications.count()).toBe(85);
  });

  it('keeps a due-soon warning until its date is a month behind, in case the clock went back', async () => {
    await fillDays(40);
    await pruneNotifications(db, '2025-02-15', 0);
    const keys = await notifiedKeys(db);
    expect(keys.has('invoice:inv-0:due-in-3:2025-01-01')).toBe(false);
    expect(keys.has('invoice:inv-20:due-in-3:2025-01-21')).toBe(true);
  });

  it('never lets the centre lose what it lists, and forgets folded digests only by their own rule', async () => {
    await recordNotifications(
      db,
      [
        item('digest:away:2025-01-05T09:00:00.000Z', [
          'invoice:a:due-today:2025-01-04',
          'invoice:b:overdue:2025-01-03',
        ]),
      ],
      '2025-01-05T09:00:00.000Z',
    );
    await pruneNotifications(db, '2026-01-01', 0);
    const keys = await notifiedKeys(db);
    expect(keys.has('digest:away:2025-01-05T09:00:00.000Z')).toBe(true);
    expect(keys.has('invoice:a:due-today:2025-01-04')).toBe(false);
    expect(keys.has('invoice:b:overdue:2025-01-03')).toBe(true);
    expect(await listRecentNotifications(db)).toHaveLength(1);
  });
});
