import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CuentasDatabase } from '../../../../../renderer/src/db/database';
import type { Platform } from '../../../../../renderer/src/platform';
import { runCheck } from '../../../../../renderer/src/features/notifications/run-check';
import { composeForRecord } from '../../../../../renderer/src/features/notifications/compose';
import {
  listRecentNotifications,
  saveNotificationSettings,
} from '../../../../../renderer/src/db/notifications-repo';
import { createClient } from '../../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../../renderer/src/db/invoices-repo';
import { savePreferences } from '../../../../../renderer/src/db/settings-repo';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../../../../shared/domain/notification-settings';
import type { NotificationEvent } from '../../../../../shared/domain/notification-engine';
import { clientInput, freshDb, invoiceInput } from '../../db/test-db';

function fakePlatform() {
  return {
    notify: vi.fn(() => Promise.resolve(true)),
    setTrayStatus: vi.fn(() => Promise.resolve(true)),
  };
}

// runCheck uses only notify and setTrayStatus of the platform.
const asPlatform = (fake: ReturnType<typeof fakePlatform>) => fake as unknown as Platform;

let db: CuentasDatabase;
beforeEach(async () => {
  db = freshDb();
  await saveNotificationSettings(db, { ...DEFAULT_NOTIFICATION_SETTINGS, enabled: true });
});
afterEach(async () => {
  await db.delete();
});

async function addOverdueInvoices(dueDates: string[], amounts: number[]): Promise<void> {
  const client = await createClient(db, clientInput());
  for (const [index, dueDate] of dueDates.entries()) {
    const base = amounts[index] ?? 100_00;
    await createInvoice(
      db,
      invoiceInput(client.id, {
        number: `2026-00${index + 1}`,
        issueDate: '2026-10-01',
        taxableBaseCents: base,
        vatRatePercent: 0,
        dues: [{ dueDate, amountCents: base }],
      }),
    );
  }
}

describe('a notification check', () => {
  it('after a week away shows one digest with the total, then nothing after a restart', async () => {
    await addOverdueInvoices(
      [
        '2026-11-14',
        '2026-11-15',
        '2026-11-16',
        '2026-11-17',
        '2026-11-18',
        '2026-11-19',
        '2026-11-20',
      ],
      [1_000_00, 500_00, 380_00, 1_000_00, 500_00, 500_00, 500_00],
    );
    const platform = fakePlatform();
    const clock = new Date(2026, 10, 23, 9, 30);
    expect(await runCheck(db, asPlatform(platform), clock)).toEqual({ shown: 1, deferred: 0 });
    expect(platform.notify).toHaveBeenCalledTimes(1);
    expect(platform.notify).toHaveBeenCalledWith({
      title: 'Mientras estabas fuera',
      body: '7 facturas vencieron mientras estabas fuera: 4.380,00\u00A0€',
    });
    expect(platform.setTrayStatus).toHaveBeenCalledWith(
      expect.objectContaining({ overdueCount: 7 }),
    );

    const later = new Date(2026, 10, 23, 9, 35);
    expect(await runCheck(db, asPlatform(platform), later)).toEqual({ shown: 0, deferred: 0 });
    expect(platform.notify).toHaveBeenCalledTimes(1);
    expect((await listRecentNotifications(db)).map((n) => n.title)).toEqual([
      'Mientras estabas fuera',
    ]);
  });

  it('holds notifications during quiet hours and shows them in the morning', async () => {
    await addOverdueInvoices(['2026-11-22'], [100_00]);
    const platform = fakePlatform();
    expect(await runCheck(db, asPlatform(platform), new Date(2026, 10, 22, 23, 0))).toEqual({
      shown: 0,
      deferred: 1,
    });
    expect(await runCheck(db, asPlatform(platform), new Date(2026, 10, 23, 6, 0))).toEqual({
      shown: 0,
      deferred: 1,
    });
    expect(await runCheck(db, asPlatform(platform), new Date(2026, 10, 23, 8, 1))).toEqual({
      shown: 1,
      deferred: 0,
    });
    expect(platform.notify).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'La factura 2026-001 ha vencido' }),
    );
  });

  it('writes the texts in English when that is the language chosen', async () => {
    await savePreferences(db, { language: 'en' });
    await addOverdueInvoices(['2026-11-23'], [250_00]);
    const platform = fakePlatform();
    await runCheck(db, asPlatform(platform), new Date(2026, 10, 23, 10, 0));
    expect(platform.notify).toHaveBeenCalledWith({
      title: 'Invoice 2026-001 is due today',
      body: 'Talleres Hermanos García S.L. · €250.00 outstanding',
      target: expect.objectContaining({ kind: 'invoice' }) as unknown,
    });
  });

  it('names a due-soon invoice one day ahead as due tomorrow', () => {
    const event: NotificationEvent = {
      eventKey: 'invoice:i1:due-in-3:2026-11-24',
      kind: 'invoice_due_soon',
      date: '2026-11-23',
      clientName: 'Talleres',
      label: '2026-009',
      amountCents: 12_00,
      daysLeft: 1,
      target: { kind: 'invoice', id: 'i1' },
    };
    const record = composeForRecord({ type: 'single', event }, 'es');
    expect(record.title).toBe('La factura 2026-009 vence mañana');
    expect(record.body).toBe('Talleres · 12,00\u00A0€ pendiente · vence el 24/11/2026');
  });
});
