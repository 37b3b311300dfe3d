import { describe, expect, it } from 'vitest';
import { buildWorklist, type WorklistClient } from '../../../../shared/domain/worklist';
import { DEFAULT_DUNNING_LEVELS } from '../../../../shared/domain/dunning';
import type { InvoiceRecord } from '../../../../shared/domain/records';

const today = '2026-11-23';

function invoice(id: string, clientId: string, dueDate: string, cents: number): InvoiceRecord {
  return {
    id,
    clientId,
    number: `F-${id}`,
    issueDate: '2026-09-01',
    description: '',
    taxableBaseCents: cents,
    vatRatePercent: 0,
    vatCents: 0,
    withholdingRatePercent: 0,
    withholdingCents: 0,
    totalCents: cents,
    payableCents: cents,
    dues: [{ dueDate, amountCents: cents }],
    lifecycle: 'issued',
    paidCents: 0,
    outstandingCents: cents,
    nextDueDate: dueDate,
    disputedCents: 0,
    planId: null,
    createdAt: '2026-09-01T10:00:00.000Z',
    updatedAt: '2026-09-01T10:00:00.000Z',
  };
}

function client(id: string, overrides: Partial<WorklistClient> = {}): WorklistClient {
  return {
    id,
    name: `Cliente ${id}`,
    pausedUntil: null,
    risk: 'B',
    brokenPromises: 0,
    invoices: [],
    dunningHistory: [],
    openFollowUps: [],
    promises: [],
    installments: [],
    lastContactDate: null,
    ...overrides,
  };
}

describe('buildWorklist', () => {
  it('lists an overdue client with a first, gentle reminder and a friendly notice for one due soon', () => {
    const { items } = buildWorklist({
      clients: [
        client('a', { invoices: [invoice('1', 'a', '2026-11-05', 200_000)] }),
        client('b', { invoices: [invoice('2', 'b', '2026-11-25', 50_000)] }),
      ],
      today,
      levels: DEFAULT_DUNNING_LEVELS,
    });
    expect(
      items.map((item) => [item.kind, item.clientId, item.nextAction, item.dunningLevel]),
    ).toEqual([
      // 18 days overdue but never reminded: the reminder, not the second notice.
      ['overdue', 'a', 'send_reminder', 1],
      ['due_soon', 'b', 'send_reminder', 0],
    ]);
    expect(items[0]).toMatchObject({ daysOverdue: 18, amountCents: 200_000 });
  });

  it('offers a call when the due reminder was already sent', () => {
    const { items } = buildWorklist({
      clients: [
        client('a', {
          invoices: [invoice('1', 'a', '2026-11-20', 10_000)],
          dunningHistory: [{ level: 1, date: '2026-11-21', invoiceIds: ['1'] }],
        }),
      ],
      today,
      levels: DEFAULT_DUNNING_LEVELS,
    });
    expect(items).toMatchObject([
      {
        kind: 'overdue',
        nextAction: 'call',
        dunningLevel: null,
        nextStep: { level: 2, date: '2026-12-05' },
      },
    ]);
  });

  it('shows follow-ups that are due and broken promises not yet acted on', () => {
    const followUp = {
      id: 'act1',
      clientId: 'a',
      invoiceId: null,
      kind: 'call' as const,
      date: '2026-11-10',
      who: '',
      outcome: '',
      text: '',
      followUpDate: '2026-11-23',
      followUpDone: false,
      createdAt: '2026-11-10T10:00:00.000Z',
    };
    const promise = {
      promise: {
        id: 'pr1',
        clientId: 'a',
        invoiceIds: ['1'],
        amountCents: 10_000,
        promisedDate: '2026-11-15',
        activityId: 'act1',
        status: 'open' as const,
        createdAt: '2026-11-10T10:00:00.000Z',
      },
      evaluation: {
        state: 'broken' as const,
        paidCents: 0,
        shortfallCents: 10_000,
        deadline: '2026-11-17',
      },
    };
    const clients = [
      client('a', {
        invoices: [invoice('1', 'a', '2026-11-01', 10_000)],
        openFollowUps: [followUp],
        promises: [promise],
        lastContactDate: '2026-11-10',
      }),
    ];
    const kinds = buildWorklist({ clients, today, levels: DEFAULT_DUNNING_LEVELS }).items.map(
      (i) => i.kind,
    );
    // The broken promise absorbs the client's overdue row: one task, not two.
    expect(kinds.sort()).toEqual(['follow_up', 'promise_broken']);
    const acted = buildWorklist({
      clients: [{ ...clients[0]!, lastContactDate: '2026-11-20' }],
      today,
      levels: DEFAULT_DUNNING_LEVELS,
    });
    expect(acted.items.map((i) => i.kind).sort()).toEqual(['follow_up', 'overdue']);
  });

  it('flags missed installments of active plans', () => {
    const installment = {
      id: 'in1',
      planId: 'p1',
      seq: 1,
      dueDate: '2026-11-15',
      amountCents: 30_000,
      principalCents: 30_000,
      interestCents: 0,
      paidCents: 10_000,
    };
    const { items } = buildWorklist({
      clients: [client('a', { installments: [installment] })],
      today,
      levels: DEFAULT_DUNNING_LEVELS,
    });
    expect(items).toMatchObject([
      { kind: 'installment_missed', amountCents: 20_000, daysOverdue: 8 },
    ]);
  });

  it('keeps paused clients out and counts them, and never drops a small old debt', () => {
    const clients = [
      client('paused', {
        pausedUntil: '2026-12-01',
        invoices: [invoice('1', 'paused', '2026-10-01', 100)],
      }),
      client('small', { invoices: [invoice('2', 'small', '2025-06-01', 500)] }),
      ...Array.from({ length: 30 }, (_, index) =>
        client(`big${index}`, {
          invoices: [invoice(`b${index}`, `big${index}`, '2026-11-20', 900_000)],
        }),
      ),
    ];
    const list = buildWorklist({ clients, today, levels: DEFAULT_DUNNING_LEVELS });
    expect(list.pausedClients).toBe(1);
    expect(list.items.some((item) => item.clientId === 'small')).toBe(true);
    expect(list.items.some((item) => item.clientId === 'paused')).toBe(false);
    expect(list.items[0]?.clientId).toBe('small');
  });

  describe('follows what was done about a promise to pay', () => {
    const promiseOf = (
      state: 'open' | 'due' | 'broken',
      promisedDate: string,
      invoiceIds: string[],
    ) => ({
      promise: {
        id: `pr-${promisedDate}`,
        clientId: 'a',
        invoiceIds,
        amountCents: 200_000,
        promisedDate,
        activityId: null,
        status: 'open' as const,
        createdAt: '2026-11-20T10:00:00.000Z',
      },
      evaluation: {
        state,
        paidCents: 0,
        shortfallCents: 200_000,
        deadline: promisedDate,
      },
    });
    const others = [
      client('b', { invoices: [invoice('2', 'b', '2026-11-20', 5_000)] }),
      client('c', { invoices: [invoice('3', 'c', '2026-11-10', 8_000)] }),
    ];
    const build = (a: WorklistClient) =>
      buildWorklist({ clients: [a, ...others], today, levels: DEFAULT_DUNNING_LEVELS }).items;

    it('a promise before its date sends the row to the bottom, the reminder still at hand', () => {
      const items = build(
        client('a', {
          invoices: [invoice('1', 'a', '2026-09-01', 200_000)],
          promises: [promiseOf('open', '2026-12-04', [])],
          lastContactDate: today,
        }),
      );
      expect(items.map((item) => [item.clientId, item.kind])).toEqual([
        ['c', 'overdue'],
        ['b', 'overdue'],
        ['a', 'promise_pending'],
      ]);
      expect(items[2]).toMatchObject({
        date: '2026-12-04',
        promisedUntil: '2026-12-04',
        nextAction: 'send_reminder',
        dunningLevel: 1,
        amountCents: 200_000,
      });
    });

    it('only the invoices the promise names wait; the others stay in the day with a note', () => {
      const items = build(
        client('a', {
          invoices: [
            invoice('1', 'a', '2026-09-01', 200_000),
            invoice('4', 'a', '2026-10-01', 300_000),
          ],
          promises: [promiseOf('open', '2026-12-04', ['1'])],
        }),
      );
      const rows = items.filter((item) => item.clientId === 'a');
      expect(rows.map((item) => [item.kind, item.invoiceIds, item.promisedUntil])).toEqual([
        ['overdue', ['4'], '2026-12-04'],
        ['promise_pending', ['1'], '2026-12-04'],
      ]);
      expect(items.at(-1)?.kind).toBe('promise_pending');
    });

    it('on the promised date the row is back as one task: check the payment, reminder offered', () => {
      const items = build(
        client('a', {
          invoices: [invoice('1', 'a', '2026-09-01', 200_000)],
          promises: [promiseOf('due', today, [])],
        }),
      );
      const rows = items.filter((item) => item.clientId === 'a');
      expect(rows).toMatchObject([
        { kind: 'promise_due', nextAction: 'check_payment', dunningLevel: 1, invoiceIds: ['1'] },
      ]);
    });

    it('a broken promise comes back first, above larger and older debts', () => {
      const big = client('d', { invoices: [invoice('5', 'd', '2025-01-10', 9_000_000)] });
      const items = buildWorklist({
        clients: [
          big,
          client('a', {
            invoices: [invoice('1', 'a', '2026-11-01', 1_000)],
            promises: [promiseOf('broken', '2026-11-18', [])],
            lastContactDate: '2026-11-16',
          }),
        ],
        today,
        levels: DEFAULT_DUNNING_LEVELS,
      }).items;
      expect(items.map((item) => [item.clientId, item.kind])).toEqual([
        ['a', 'promise_broken'],
        ['d', 'overdue'],
      ]);
    });
  });
});
