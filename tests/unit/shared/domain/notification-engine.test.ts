import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BURST_LIMIT,
  keysCovered,
  overdueSummary,
  planNotifications,
  type EngineInput,
  type EngineInvoice,
  type PlannedNotification,
} from '../../../../shared/domain/notification-engine';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../../../shared/domain/notification-settings';
import type { NotificationSettings } from '../../../../shared/domain/notification-settings';
import { addDays } from '../../../../shared/domain/dates';

const ON: NotificationSettings = {
  ...DEFAULT_NOTIFICATION_SETTINGS,
  enabled: true,
  quietHours: { enabled: true, start: '21:00', end: '08:00' },
};

function invoice(
  id: string,
  dueDate: string,
  amountCents = 1_210_00,
  paidCents = 0,
): EngineInvoice {
  return {
    id,
    clientId: 'c1',
    number: `2026-${id}`,
    dues: [{ dueDate, amountCents }],
    paidCents,
    outstandingCents: amountCents - paidCents,
    lifecycle: 'issued',
    planId: null,
  };
}

function input(overrides: Partial<EngineInput> = {}): EngineInput {
  return {
    invoices: [],
    plans: [],
    installments: [],
    promises: [],
    activities: [],
    clientNames: new Map([['c1', 'Talleres García']]),
    settings: ON,
    now: { instant: '2026-11-23T09:00:00.000Z', date: '2026-11-23', minutes: 10 * 60 },
    notifiedKeys: new Set(),
    ...overrides,
  };
}

const at = (date: string, minutes = 10 * 60): EngineInput['now'] => ({
  instant: `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:00:00.000Z`,
  date,
  minutes,
});

const singleKeys = (planned: PlannedNotification[]): string[] =>
  planned.map((p) => (p.type === 'single' ? p.event.eventKey : p.eventKey));

/** Runs the engine day after day like the app would, remembering what it notified. */
function runDays(base: EngineInput, dates: string[]): PlannedNotification[][] {
  const notified = new Set<string>();
  return dates.map((date) => {
    const result = planNotifications({ ...base, now: at(date), notifiedKeys: new Set(notified) });
    for (const planned of result.notifications)
      keysCovered(planned).forEach((k) => notified.add(k));
    return result.notifications;
  });
}

describe('notification engine', () => {
  it('says nothing while notifications are turned off', () => {
    const result = planNotifications(
      input({ settings: DEFAULT_NOTIFICATION_SETTINGS, invoices: [invoice('1', '2026-11-23')] }),
    );
    expect(result.notifications).toEqual([]);
  });

  it('warns N days before the due date, on the day itself and the day after, once each', () => {
    const days = [
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
    ];
    const perDay = runDays(input({ invoices: [invoice('1', '2026-11-23')] }), days).map(singleKeys);
    expect(perDay).toEqual([
      [],
      ['invoice:1:due-in-3:2026-11-23'],
      [],
      [],
      ['invoice:1:due-today:2026-11-23'],
      ['invoice:1:overdue:2026-11-23'],
      [],
    ]);
  });

  it('uses the configured number of days before the due date', () => {
    const settings = { ...ON, daysBeforeDue: 7 };
    const result = planNotifications(
      input({ settings, invoices: [invoice('1', '2026-11-30')], now: at('2026-11-23') }),
    );
    expect(singleKeys(result.notifications)).toEqual(['invoice:1:due-in-7:2026-11-30']);
    const first = result.notifications[0];
    expect(first?.type === 'single' && first.event.daysLeft).toBe(7);
  });

  it('never repeats an event across a restart, given the persisted keys', () => {
    const base = input({ invoices: [invoice('1', '2026-11-22')] });
    const first = planNotifications(base);
    expect(first.notifications).toHaveLength(1);
    const persisted = new Set(first.notifications.flatMap(keysCovered));
    expect(planNotifications({ ...base, notifiedKeys: persisted }).notifications).toEqual([]);
  });

  it('folds invoices that fell due while the app was off into one digest with their total', () => {
    const invoices = [
      invoice('1', '2026-11-10', 1_000_00),
      invoice('2', '2026-11-12', 500_00),
      invoice('3', '2026-11-14', 380_00),
      invoice('4', '2026-11-15', 2_500_00),
    ];
    const result = planNotifications(input({ invoices, now: at('2026-11-23') }));
    expect(result.notifications).toHaveLength(1);
    const digest = result.notifications[0];
    expect(digest?.type).toBe('digest');
    if (digest?.type !== 'digest') return;
    expect(digest.digest).toEqual({
      reason: 'away',
      counts: { invoice_overdue: 4 },
      overdueCents: 4_380_00,
      total: 4,
    });
    const covered = keysCovered(digest);
    expect(covered).toContain('invoice:3:overdue:2026-11-14');
    const again = planNotifications(
      input({ invoices, now: at('2026-11-23'), notifiedKeys: new Set(covered) }),
    );
    expect(again.notifications).toEqual([]);
  });

  it('leaves out of the first digest the dues older than the prescription period', () => {
    const invoices = [
      invoice('1', '2013-02-14', 9_000_00),
      invoice('2', '2021-11-22', 700_00),
      invoice('3', '2026-11-10', 1_000_00),
      invoice('4', '2026-11-12', 500_00),
    ];
    const [digest] = planNotifications(input({ invoices, now: at('2026-11-23') })).notifications;
    if (digest?.type !== 'digest') throw new Error('expected a digest');
    // 2013 and 22/11/2021 (five years ended yesterday) are out; 2026's two are in.
    expect(digest.digest).toEqual({
      reason: 'away',
      counts: { invoice_overdue: 2 },
      overdueCents: 1_500_00,
      total: 2,
    });
  });

  it('shows a single missed event alone rather than as a digest of one', () => {
    const result = planNotifications(input({ invoices: [invoice('1', '2026-11-10')] }));
    expect(result.notifications.map((n) => n.type)).toEqual(['single']);
  });

  it('folds a burst of same-day events into one digest for today', () => {
    const invoices = Array.from({ length: BURST_LIMIT + 1 }, (_, i) =>
      invoice(String(i), '2026-11-23'),
    );
    const result = planNotifications(input({ invoices }));
    expect(result.notifications).toHaveLength(1);
    const digest = result.notifications[0];
    expect(digest?.type === 'digest' && digest.digest.reason).toBe('today');
  });

  it('defers during quiet hours and shows the same events once they end', () => {
    const base = input({ invoices: [invoice('1', '2026-11-23')] });
    const night = planNotifications({ ...base, now: at('2026-11-23', 22 * 60) });
    expect(night).toEqual({ notifications: [], deferred: 1 });
    const early = planNotifications({ ...base, now: at('2026-11-23', 7 * 60 + 59) });
    expect(early.deferred).toBe(1);
    const morning = planNotifications({ ...base, now: at('2026-11-23', 8 * 60) });
    expect(singleKeys(morning.notifications)).toEqual(['invoice:1:due-today:2026-11-23']);
  });

  it('honours each per-kind switch', () => {
    const settings = { ...ON, kinds: { ...ON.kinds, dueToday: false } };
    const invoices = [invoice('1', '2026-11-23'), invoice('2', '2026-11-22')];
    const result = planNotifications(input({ settings, invoices }));
    expect(singleKeys(result.notifications)).toEqual(['invoice:2:overdue:2026-11-22']);
  });

  it('ignores paid, draft, written-off invoices and those inside a plan', () => {
    const invoices: EngineInvoice[] = [
      invoice('paid', '2026-11-22', 100_00, 100_00),
      { ...invoice('draft', '2026-11-22'), lifecycle: 'draft' },
      { ...invoice('off', '2026-11-22'), lifecycle: 'written_off' },
      { ...invoice('plan', '2026-11-22'), planId: 'p1' },
    ];
    expect(planNotifications(input({ invoices })).notifications).toEqual([]);
  });

  it('notifies each open due of an invoice with several dues, for its own outstanding part', () => {
    const twoDues: EngineInvoice = {
      ...invoice('1', '2026-11-22'),
      dues: [
        { dueDate: '2026-11-22', amountCents: 600_00 },
        { dueDate: '2026-11-25', amountCents: 610_00 },
      ],
      paidCents: 100_00,
      outstandingCents: 1_110_00,
    };
    const result = planNotifications(input({ invoices: [twoDues] }));
    const events = result.notifications.flatMap((n) => (n.type === 'single' ? [n.event] : []));
    expect(events.map((e) => [e.eventKey, e.amountCents])).toEqual([
      ['invoice:1:due-in-3:2026-11-25', 610_00],
      ['invoice:1:overdue:2026-11-22', 500_00],
    ]);
  });

  it('notifies installments of active plans when due and when missed', () => {
    const base = input({
      plans: [
        { id: 'p1', clientId: 'c1', status: 'active' },
        { id: 'p2', clientId: 'c1', status: 'cancelled' },
      ],
      installments: [
        {
          id: 'i1',
          planId: 'p1',
          seq: 1,
          dueDate: '2026-11-23',
          amountCents: 300_00,
          paidCents: 0,
        },
        {
          id: 'i2',
          planId: 'p1',
          seq: 2,
          dueDate: '2026-12-23',
          amountCents: 300_00,
          paidCents: 0,
        },
        {
          id: 'x1',
          planId: 'p2',
          seq: 1,
          dueDate: '2026-11-23',
          amountCents: 300_00,
          paidCents: 0,
        },
      ],
    });
    const perDay = runDays(base, ['2026-11-23', '2026-11-24', '2026-11-25']);
    expect(perDay.map(singleKeys)).toEqual([['installment:i1:due'], ['installment:i1:missed'], []]);
    const first = perDay[0]?.[0];
    expect(first?.type === 'single' && first.event.label).toBe('1/2');
    expect(first?.type === 'single' && first.event.target).toEqual({ kind: 'plan', id: 'p1' });
  });

  it('does not notify an installment that was paid', () => {
    const result = planNotifications(
      input({
        plans: [{ id: 'p1', clientId: 'c1', status: 'active' }],
        installments: [
          {
            id: 'i1',
            planId: 'p1',
            seq: 1,
            dueDate: '2026-11-22',
            amountCents: 300_00,
            paidCents: 300_00,
          },
        ],
      }),
    );
    expect(result.notifications).toEqual([]);
  });

  it('notifies a promise on its day and as broken the day after if still open', () => {
    const base = input({
      promises: [
        {
          id: 'pr1',
          clientId: 'c1',
          amountCents: 500_00,
          promisedDate: '2026-11-23',
          status: 'open',
        },
        {
          id: 'pr2',
          clientId: 'c1',
          amountCents: 500_00,
          promisedDate: '2026-11-23',
          status: 'kept',
        },
      ],
    });
    const perDay = runDays(base, ['2026-11-22', '2026-11-23', '2026-11-24']);
    expect(perDay.map(singleKeys)).toEqual([[], ['promise:pr1:due'], ['promise:pr1:broken']]);
  });

  it('notifies follow-ups on their date unless done, pointing at the invoice when there is one', () => {
    const base = input({
      activities: [
        {
          id: 'a1',
          clientId: 'c1',
          invoiceId: 'inv9',
          followUpDate: '2026-11-23',
          followUpDone: false,
          text: 'Llamar',
        },
        {
          id: 'a2',
          clientId: 'c1',
          invoiceId: null,
          followUpDate: '2026-11-23',
          followUpDone: true,
          text: 'Hecho',
        },
        {
          id: 'a3',
          clientId: 'c1',
          invoiceId: null,
          followUpDate: '2026-11-24',
          followUpDone: false,
          text: 'Mañana',
        },
      ],
    });
    const result = planNotifications(base);
    expect(singleKeys(result.notifications)).toEqual(['followup:a1:2026-11-23']);
    const first = result.notifications[0];
    expect(first?.type === 'single' && first.event.target).toEqual({ kind: 'invoice', id: 'inv9' });
  });

  it('summarizes overdue invoices for the tray', () => {
    const invoices = [
      invoice('1', '2026-11-22', 100_00),
      invoice('2', '2026-11-23', 50_00),
      invoice('3', '2026-11-01', 80_00, 80_00),
    ];
    expect(overdueSummary(invoices, '2026-11-23')).toEqual({ count: 1, cents: 100_00 });
  });

  it('over any run of checks with days skipped, notifies every overdue due exactly once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 15 }),
        (dueOffsets, gaps) => {
          const start = '2026-11-01';
          const invoices = dueOffsets.map((offset, i) =>
            invoice(String(i), addDays(start, offset + 10)),
          );
          const dates: string[] = [];
          let day = start;
          for (const gap of gaps) {
            day = addDays(day, gap);
            dates.push(day);
          }
          const runs = runDays(input({ invoices }), dates);
          const keys = runs.flat().flatMap(keysCovered);
          expect(new Set(keys).size).toBe(keys.length);
          const last = dates[dates.length - 1] ?? start;
          const overdue = invoices.filter((inv) => (inv.dues[0]?.dueDate ?? '') < last);
          for (const inv of overdue) {
            expect(keys).toContain(`invoice:${inv.id}:overdue:${inv.dues[0]?.dueDate ?? ''}`);
          }
        },
      ),
    );
  });
});
