import { describe, expect, it } from 'vitest';
import { exceedsLegalPaymentTerm } from '../../../../shared/domain/payment-term';

describe('payment term ceiling', () => {
  it('flags an agreed term over 60 days and accepts 60 or less', () => {
    expect(exceedsLegalPaymentTerm(61)).toBe(true);
    expect(exceedsLegalPaymentTerm(90)).toBe(true);
    expect(exceedsLegalPaymentTerm(60)).toBe(false);
    expect(exceedsLegalPaymentTerm(30)).toBe(false);
  });

  it('says nothing about a term that is not a number yet', () => {
    expect(exceedsLegalPaymentTerm(Number.NaN)).toBe(false);
  });
});
