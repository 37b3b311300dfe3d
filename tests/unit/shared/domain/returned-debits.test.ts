import { describe, expect, it } from 'vitest';
import {
  isReturnedDebit,
  matchReturn,
  pickReturnedPayment,
} from '../../../../shared/domain/returned-debits';
import type { PaymentMethod } from '../../../../shared/domain/records';

const movement = (overrides = {}) => ({
  amountCents: -403_34,
  commonCode: '14',
  concept: 'DEVOLUCION RECIBO',
  references: [] as string[],
  date: '2026-12-02',
  ...overrides,
});

const payment = (
  id: string,
  date: string,
  reference = '',
  amountCents = 403_34,
  method: PaymentMethod = 'direct_debit',
  clientId = 'c1',
) => ({ id, clientId, amountCents, date, reference, method });

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

  it('without a name, takes the only direct debit of that amount before the return', () => {
    const chosen = pickReturnedPayment(movement(), [
      payment('old', '2026-11-01', '', 403_34, 'transfer'),
      payment('recent', '2026-11-26'),
      payment('after', '2026-12-05'),
      payment('other', '2026-11-27', '', 100_00),
    ]);
    expect(chosen?.id).toBe('recent');
  });

  it('without a name, two direct debits of that amount are a question, not a guess', () => {
    expect(
      pickReturnedPayment(movement(), [payment('a', '2026-10-26'), payment('b', '2026-11-26')]),
    ).toBeNull();
  });

  it('a return naming a receipt we presented never reverses a later collection of the same amount', () => {
    const receipt = {
      installmentId: 'i1',
      clientId: 'c1',
      endToEndId: 'PP-2026-0001-1',
      collectionDate: '2026-10-26',
      amountCents: 403_34,
    };
    // Receipt 1 was never booked; receipt 2 (26/11) was. The late return of receipt 1 (02/12)
    // names it: it is tied to installment 1 and takes back nothing.
    const result = matchReturn(
      movement({ references: ['PP-2026-0001-1'] }),
      [payment('second', '2026-11-26', 'REMESA PP-2026-0001-2')],
      [
        receipt,
        {
          ...receipt,
          installmentId: 'i2',
          endToEndId: 'PP-2026-0001-2',
          collectionDate: '2026-11-26',
        },
      ],
    );
    expect(result?.receipt?.installmentId).toBe('i1');
    expect(result?.payment).toBeNull();
    // Had receipt 1 been booked around its date, that payment is the one taken back.
    const booked = matchReturn(
      movement({ references: ['PP-2026-0001-1'] }),
      [payment('first', '2026-10-27', 'REMESA'), payment('second', '2026-11-26', 'REMESA')],
      [receipt],
    );
    expect(booked?.payment?.id).toBe('first');
  });

  it('finds nothing outside the 8-week return window', () => {
    expect(pickReturnedPayment(movement(), [payment('x', '2026-09-01')])).toBeNull();
  });
});
