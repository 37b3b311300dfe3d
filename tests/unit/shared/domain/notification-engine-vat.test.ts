import { describe, expect, it } from 'vitest';
import { collectEvents, type EngineInput } from '../../../../shared/domain/notification-engine';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../../../shared/domain/notification-settings';
import { invoiceVatStatus } from '../../../../shared/domain/vat-recovery-status';

// Issued 2026-01-31, two dues: VAT recoverable from 2027-01-31, corrective invoice by 2027-07-31.
function statusOn(today: string, channel = 'burofax') {
  return invoiceVatStatus({
    invoice: {
      id: 'i1',
      clientId: 'c1',
      number: 'F-1',
      issueDate: '2026-01-31',
      lifecycle: 'issued',
      taxableBaseCents: 100_000,
      vatCents: 21_000,
      payableCents: 121_000,
      paidCents: 0,
      dues: [
        { dueDate: '2026-02-28', amountCents: 60_500 },
        { dueDate: '2026-03-31', amountCents: 60_500 },
      ],
    },
    client: {},
    settings: { turnover: 'up_to_limit', waitMonths: 12 },
    legalEvents: [{ invoiceIds: [], kind: 'demand', date: '2026-06-01', channel }],
    today,
  });
}

function eventsOn(today: string, channel?: string) {
  const input: EngineInput = {
    invoices: [],
    plans: [],
    installments: [],
    promises: [],
    activities: [],
    clientNames: new Map([['c1', 'Talleres García']]),
    settings: { ...DEFAULT_NOTIFICATION_SETTINGS, enabled: true },
    now: { instant: `${today}T09:00:00.000Z`, date: today, minutes: 600 },
    notifiedKeys: new Set(),
    vatRecovery: [statusOn(today, channel)],
  };
  return collectEvents(input).map((event) => [
    event.eventKey,
    event.date,
    event.amountCents,
    event.daysLeft,
  ]);
}

describe('VAT recovery notifications', () => {
  it('warns once per window, the dues sharing it summed', () => {
    expect(eventsOn('2026-12-01')).toEqual([]);
    expect(eventsOn('2027-01-10')).toEqual([
      ['vat_window_opens:i1:2027-01-31', '2027-01-10', 21_000, 21],
    ]);
    expect(eventsOn('2027-03-01')).toEqual([]);
    expect(eventsOn('2027-07-20')).toEqual([
      ['vat_window_closing:i1:2027-07-31', '2027-07-20', 21_000, 11],
    ]);
  });

  it('a window closing without a qualifying claim warns too', () => {
    expect(eventsOn('2027-07-20', 'email')).toEqual([
      ['vat_window_closing:i1:2027-07-31', '2027-07-20', 21_000, 11],
    ]);
  });

  it('the day after the deadline, and for 30 days if the app was closed, the loss is notified', () => {
    expect(eventsOn('2027-08-01')).toEqual([
      ['vat_window_lost:i1:2027-07-31', '2027-08-01', 21_000, -1],
    ]);
    expect(eventsOn('2027-08-30')[0]?.[0]).toBe('vat_window_lost:i1:2027-07-31');
    expect(eventsOn('2027-09-01')).toEqual([]);
  });
});
