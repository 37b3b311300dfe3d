import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cashForecast,
  expectedCents,
  mondayOf,
  type ForecastInput,
} from '../../../../shared/domain/forecast';

const TODAY = '2026-11-25'; // a Wednesday; the week starts on Monday 2026-11-23

function input(patch: Partial<ForecastInput>): ForecastInput {
  return {
    today: TODAY,
    weeks: 12,
    invoices: [],
    clientDelayDays: new Map(),
    installments: [],
    promises: [],
    collections: [],
    ...patch,
  };
}

const invoice = (id: string, dueDate: string, amount: number, clientId = 'c1') => ({
  id,
  clientId,
  dues: [{ dueDate, amountCents: amount }],
  paidCents: 0,
  outstandingCents: amount,
  planId: null,
});

describe('mondayOf', () => {
  it('finds the Monday of the week', () => {
    expect(mondayOf('2026-11-25')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2024-03-01')).toBe('2024-02-26');
  });
});

describe('cashForecast', () => {
  it('gives twelve past weeks of collections and twelve weeks to come', () => {
    const forecast = cashForecast(input({}));
    expect(forecast.weeks).toHaveLength(24);
    expect(forecast.weeks[11]?.kind).toBe('actual');
    expect(forecast.weeks[12]).toMatchObject({ kind: 'forecast', start: '2026-11-23' });
  });

  it("shifts each due by the client's average delay", () => {
    const forecast = cashForecast(
      input({
        invoices: [invoice('i1', '2026-11-30', 1000, 'late'), invoice('i2', '2026-11-30', 500)],
        clientDelayDays: new Map([['late', 14]]),
      }),
    );
    expect(forecast.weeks[13]?.duesCents).toBe(500); // week of 30 Nov
    expect(forecast.weeks[15]?.duesCents).toBe(1000); // two weeks later
  });

  it('leaves invoices in a plan or under a promise to their installments and promise', () => {
    const forecast = cashForecast(
      input({
        invoices: [
          { ...invoice('planned', '2026-11-30', 1000), planId: 'p1' },
          invoice('promised', '2026-11-30', 700),
        ],
        installments: [{ dueDate: '2026-12-07', amountCents: 250 }],
        promises: [{ promisedDate: '2026-12-14', amountCents: 700, invoiceIds: ['promised'] }],
      }),
    );
    expect(forecast.weeks[13]?.duesCents).toBe(0);
    expect(forecast.weeks[14]?.installmentsCents).toBe(250);
    expect(forecast.weeks[15]?.promisesCents).toBe(700);
  });

  it('sets aside what is late beyond habit and what falls after the twelve weeks', () => {
    const forecast = cashForecast(
      input({ invoices: [invoice('old', '2026-09-01', 300), invoice('far', '2027-06-01', 200)] }),
    );
    expect(forecast.overdueUnscheduledCents).toBe(300);
    expect(forecast.laterCents).toBe(200);
  });

  it('puts past collections in their week and ignores this week and older ones', () => {
    const forecast = cashForecast(
      input({
        collections: [
          { date: '2026-11-16', amountCents: 100 },
          { date: '2026-11-22', amountCents: 50 },
          { date: '2026-11-24', amountCents: 999 },
          { date: '2026-01-01', amountCents: 999 },
        ],
      }),
    );
    expect(forecast.weeks[11]?.actualCents).toBe(150);
    expect(forecast.weeks.reduce((sum, week) => sum + week.actualCents, 0)).toBe(150);
  });

  it('places every open cent exactly once', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((offset) => {
      const date = new Date(Date.UTC(2026, 5, 1 + offset));
      return date.toISOString().slice(0, 10);
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(day, fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: -30, max: 60 })),
          {
            maxLength: 30,
          },
        ),
        (items) => {
          const forecast = cashForecast(
            input({
              invoices: items.map(([date, amount], index) =>
                invoice(`i${index}`, date, amount, `c${index}`),
              ),
              clientDelayDays: new Map(items.map(([, , delay], index) => [`c${index}`, delay])),
            }),
          );
          const placed =
            forecast.weeks.reduce((sum, week) => sum + expectedCents(week), 0) +
            forecast.overdueUnscheduledCents +
            forecast.laterCents;
          expect(placed).toBe(items.reduce((sum, [, amount]) => sum + amount, 0));
        },
      ),
    );
  });

  it('counts each euro once: an invoice in a plan only through its installments', () => {
    const inPlan = { ...invoice('i1', '2026-11-30', 106_000), planId: 'p1' };
    const forecast = cashForecast(
      input({
        invoices: [inPlan],
        installments: [
          { dueDate: '2026-12-01', amountCents: 53_000 },
          { dueDate: '2026-12-29', amountCents: 53_000 },
        ],
        // An old promise on the same invoice, as data from before plans superseded promises.
        promises: [{ promisedDate: '2026-12-02', amountCents: 76_000, invoiceIds: ['i1'] }],
      }),
    );
    const total = forecast.weeks.reduce((sum, week) => sum + expectedCents(week), 0);
    expect(total).toBe(106_000);
    expect(forecast.weeks.every((week) => week.promisesCents === 0)).toBe(true);
  });

  it('a promise counts at most what its invoices still owe, and its invoices no more', () => {
    const forecast = cashForecast(
      input({
        invoices: [invoice('i1', '2026-11-30', 30_000)],
        promises: [{ promisedDate: '2026-12-02', amountCents: 50_000, invoiceIds: ['i1'] }],
      }),
    );
    const total = forecast.weeks.reduce((sum, week) => sum + expectedCents(week), 0);
    expect(total).toBe(30_000);
    expect(forecast.weeks[13]?.promisesCents).toBe(30_000);
  });
});
