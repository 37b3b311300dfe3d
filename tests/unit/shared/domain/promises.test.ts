import { describe, expect, it } from 'vitest';
import { evaluatePromise } from '../../../../shared/domain/promises';

const promise = {
  amountCents: 50_000,
  promisedDate: '2026-11-30',
  status: 'open' as const,
  createdAt: '2026-11-20T10:00:00.000Z',
};

describe('evaluatePromise', () => {
  it('stays open before its date and becomes due on the date itself', () => {
    expect(evaluatePromise(promise, [], '2026-11-25', 2).state).toBe('open');
    expect(evaluatePromise(promise, [], '2026-11-30', 2).state).toBe('due');
  });

  it('is broken only after the date plus the grace days', () => {
    expect(evaluatePromise(promise, [], '2026-12-02', 2).state).toBe('due');
    const broken = evaluatePromise(promise, [], '2026-12-03', 2);
    expect(broken.state).toBe('broken');
    expect(broken.shortfallCents).toBe(50_000);
    expect(evaluatePromise(promise, [], '2026-12-01', 0).state).toBe('broken');
  });

  it('is kept as soon as payments cover it, whatever today is', () => {
    const payments = [
      { date: '2026-11-22', amountCents: 20_000 },
      { date: '2026-12-01', amountCents: 30_000 },
    ];
    for (const today of ['2026-12-01', '2026-12-31', '2027-06-01']) {
      expect(evaluatePromise(promise, payments, today, 2).state).toBe('kept');
    }
  });

  it('ignores payments made before the promise and after the grace', () => {
    const payments = [
      { date: '2026-11-10', amountCents: 50_000 },
      { date: '2026-12-05', amountCents: 50_000 },
    ];
    const result = evaluatePromise(promise, payments, '2026-12-10', 2);
    expect(result.state).toBe('broken');
    expect(result.paidCents).toBe(0);
  });

  it('a partial payment leaves it broken with the shortfall', () => {
    const result = evaluatePromise(
      promise,
      [{ date: '2026-11-29', amountCents: 10_000 }],
      '2026-12-10',
      2,
    );
    expect(result).toMatchObject({ state: 'broken', paidCents: 10_000, shortfallCents: 40_000 });
  });

  it('a cancelled promise is never broken', () => {
    expect(evaluatePromise({ ...promise, status: 'cancelled' }, [], '2027-01-01', 2).state).toBe(
      'cancelled',
    );
  });

  it('a promise covered by a signed plan reads superseded, whatever was paid', () => {
    const superseded = { ...promise, status: 'superseded' as const };
    expect(evaluatePromise(superseded, [], '2027-01-01', 2).state).toBe('superseded');
  });
});
