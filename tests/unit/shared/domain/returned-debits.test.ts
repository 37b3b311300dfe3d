import { describe, expect, it } from 'vitest';
import { isReturnedDebit, pickReturnedPayment } from '../../../../shared/domain/returned-debits';

const movement = (overrides = {}) => ({
  amountCents: -403_34,
  commonCode: '14',
  concept: 'DEVOLUCION RECIBO',
  references: [] as string[],
  date: '2026-12-02',
  ...overrides,
});

const payment = (id: string, date: string, reference = '', amountCents = 403_34) => ({
  id,
  amountCents,
  date,
  reference,
});

describe('returned direct debits', () => {
  it('recognises common concept 14 on money going out', () => {
    expect(isReturnedDebit(movement({ concept: 'CARGO' }))).toBe(true);
  });

  it('recognises an unpaid receipt by its words when the code is another one', () => {
    expect(isReturnedDebit(movement({ commonCode: '99', concept: 'RECIBO IMPAGADO MS03' }))).toBe(
      true,
    );
    expect(isReturnedDebit(movement({ commonCode: '02', concept: 'Devolución de recibo' }))).toBe(
      true,
    );
  });

  it('never takes money coming in, or an ordinary charge, for a return', () => {
    expect(isReturnedDebit(movement({ amountCents: 403_34 }))).toBe(false);
    expect(isReturnedDebit(movement({ commonCode: '03', concept: 'RECIBO LUZ' }))).toBe(false);
  });

  it('takes back the payment named in the movement over a more recent one of the same amount', () => {
    const chosen = pickReturnedPayment(movement({ references: ['PP-2026-0001-1'] }), [
      payment('a', '2026-11-30', 'Remesa PP-2026-0001-1'),
      payment('b', '2026-12-01', 'Otro'),
    ]);
    expect(chosen?.id).toBe('a');
  });

  it('without a name, takes the most recent payment of that amount before the return', () => {
    const chosen = pickReturnedPayment(movement(), [
      payment('old', '2026-11-01'),
      payment('recent', '2026-11-26'),
      payment('after', '2026-12-05'),
      payment('other', '2026-11-27', '', 100_00),
    ]);
    expect(chosen?.id).toBe('recent');
  });

  it('finds nothing outside the 8-week return window', () => {
    expect(pickReturnedPayment(movement(), [payment('x', '2026-09-01')])).toBeNull();
  });
});
