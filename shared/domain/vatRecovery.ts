// When the VAT of an unpaid invoice can be recovered (art. 80.Cuatro LIVA, RIVA art. 24): the windows.
import { addMonthsClamped, compareDates, isCalendarDate, type CalendarDate } from './dates';
import { isCents, type Cents } from './money';

export type VatWaitMonths = 6 | 12;

export interface VatRecoveryWindow {
  dueDate: CalendarDate;
  amountCents: Cents;
  /** The credit counts as uncollectable from this day: the wait has passed. */
  eligibleFrom: CalendarDate;
  /** The last day to issue the corrective invoice (factura rectificativa). */
  rectifyBy: CalendarDate;
}

/** Art. 80.Cuatro A) 1.ª: an "operación a plazos" has more than one year between accrual and last due. */
export const INSTALLMENT_THRESHOLD_MONTHS = 12;
/** Art. 80.Cuatro B): the corrective invoice within the 6 months after the wait ends. */
export const RECTIFY_WITHIN_MONTHS = 6;
/** RIVA art. 24.2 a) 2.º: the AEAT is told within one month of the corrective invoice's date. */
export const AEAT_NOTICE_MONTHS = 1;

function checkDate(name: string, value: string): void {
  if (!isCalendarDate(value))
    throw new RangeError(`${name} is not a YYYY-MM-DD date: "${String(value)}"`);
}

/**
 * One window per due, in due-date order (stable for equal dates). Months count "de fecha a fecha"
 * (art. 5.1 CC): the same day number, or the month's last day when it has none (31 Aug + 6 = 28 Feb).
 * The wait runs from the accrual (devengo), or from each due when the last due is more than
 * 12 months after the accrual: then each unpaid installment has its own window.
 */
export function vatRecoveryWindows(args: {
  accrualDate: string;
  dues: { dueDate: string; amountCents: number }[];
  waitMonths: 6 | 12;
}): VatRecoveryWindow[] {
  checkDate('accrualDate', args.accrualDate);
  if (args.waitMonths !== 6 && args.waitMonths !== 12) {
    throw new RangeError(`waitMonths must be 6 or 12, got ${String(args.waitMonths)}`);
  }
  args.dues.forEach((due, index) => {
    checkDate(`dues[${index}].dueDate`, due.dueDate);
    if (!isCents(due.amountCents)) {
      throw new RangeError(
        `dues[${index}].amountCents is not whole cents: ${String(due.amountCents)}`,
      );
    }
  });
  const ordered = args.dues
    .map((due, index) => ({ due, index }))
    .sort((a, b) => compareDates(a.due.dueDate, b.due.dueDate) || a.index - b.index)
    .map(({ due }) => due);
  const last = ordered[ordered.length - 1];
  const installments =
    last !== undefined &&
    compareDates(last.dueDate, addMonthsClamped(args.accrualDate, INSTALLMENT_THRESHOLD_MONTHS)) >
      0;
  return ordered.map((due) => {
    const start = installments ? due.dueDate : args.accrualDate;
    const eligibleFrom = addMonthsClamped(start, args.waitMonths);
    return {
      dueDate: due.dueDate,
      amountCents: due.amountCents,
      eligibleFrom,
      rectifyBy: addMonthsClamped(eligibleFrom, RECTIFY_WITHIN_MONTHS),
    };
  });
}

/** The last day to send the AEAT communication: one month after the corrective invoice's date. */
export function aeatNoticeBy(correctiveInvoiceDate: string): string {
  checkDate('correctiveInvoiceDate', correctiveInvoiceDate);
  return addMonthsClamped(correctiveInvoiceDate, AEAT_NOTICE_MONTHS);
}
