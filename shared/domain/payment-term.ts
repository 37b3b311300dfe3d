// The legal ceiling of an agreed payment term between businesses (Ley 3/2004, art. 4).
/** No agreement between businesses may set more than 60 calendar days from delivery. */
export const MAX_AGREED_PAYMENT_DAYS = 60;

export function exceedsLegalPaymentTerm(days: number): boolean {
  return Number.isFinite(days) && days > MAX_AGREED_PAYMENT_DAYS;
}
