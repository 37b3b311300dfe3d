// The invoice form's text fields, parsed into an input the repository validates.
import { parseEuros, splitCentsEvenly, formatCentsInput } from '../../../../shared/domain/money';
import { addDays, formatDate, parseDateText } from '../../../../shared/domain/dates';
import { computeInvoiceAmounts } from '../../../../shared/domain/invoice';
import type { FieldIssue } from '../../../../shared/domain/validation';
import type { InvoiceInput } from '../../db/invoices-repo';

export interface DueDraft {
  date: string;
  amount: string;
}

export interface InvoiceDraft {
  clientId: string;
  number: string;
  issueDate: string;
  description: string;
  taxableBase: string;
  vatRatePercent: string;
  withholdingRatePercent: string;
  dues: DueDraft[];
  /** Until the person edits a due, the single due follows the payable and the client's term. */
  duesTouched: boolean;
}

export const VAT_RATES = ['21', '10', '4', '0'];
export const WITHHOLDING_RATES = ['0', '7', '15', '19'];

export function tryCents(text: string): number | null {
  try {
    return parseEuros(text);
  } catch {
    return null;
  }
}

export function tryDate(text: string): string | null {
  try {
    return parseDateText(text);
  } catch {
    return null;
  }
}

export function payableOf(draft: InvoiceDraft): number | null {
  const base = tryCents(draft.taxableBase);
  if (base === null) return null;
  return computeInvoiceAmounts({
    taxableBaseCents: base,
    vatRatePercent: Number(draft.vatRatePercent),
    withholdingRatePercent: Number(draft.withholdingRatePercent),
  }).payableCents;
}

/** Keeps an untouched single due in step with the payable and the term. */
export function withAutomaticDue(
  draft: InvoiceDraft,
  termDays: number,
  locale: string,
): InvoiceDraft {
  if (draft.duesTouched) return draft;
  const payable = payableOf(draft);
  const issue = tryDate(draft.issueDate);
  return {
    ...draft,
    dues: [
      {
        date: issue ? formatDate(addDays(issue, termDays), locale) : (draft.dues[0]?.date ?? ''),
        amount: payable === null ? '' : formatCentsInput(payable),
      },
    ],
  };
}

export function splitDuesEvenly(draft: InvoiceDraft): InvoiceDraft {
  const payable = payableOf(draft);
  if (payable === null || draft.dues.length === 0) return draft;
  const amounts = splitCentsEvenly(payable, draft.dues.length);
  return {
    ...draft,
    duesTouched: true,
    dues: draft.dues.map((due, index) => ({
      ...due,
      amount: formatCentsInput(amounts[index] ?? 0),
    })),
  };
}

export function addDue(draft: InvoiceDraft, locale: string): InvoiceDraft {
  const last = draft.dues.at(-1);
  const lastDate = last ? tryDate(last.date) : tryDate(draft.issueDate);
  const date = lastDate ? formatDate(addDays(lastDate, 30), locale) : '';
  return splitDuesEvenly({
    ...draft,
    duesTouched: true,
    dues: [...draft.dues, { date, amount: '' }],
  });
}

/** Parses what can be parsed; unparseable fields become issues named like the repository's. */
export function parseInvoiceDraft(draft: InvoiceDraft): {
  input: InvoiceInput;
  issues: FieldIssue[];
} {
  const issues: FieldIssue[] = [];
  const base = tryCents(draft.taxableBase);
  if (base === null)
    issues.push({
      field: 'taxableBaseCents',
      code: draft.taxableBase.trim() ? 'amount_invalid' : 'required',
    });
  const issueDate = tryDate(draft.issueDate);
  if (issueDate === null)
    issues.push({ field: 'issueDate', code: draft.issueDate.trim() ? 'date_invalid' : 'required' });
  const dues = draft.dues.map((due, index) => {
    const dueDate = tryDate(due.date);
    const amountCents = tryCents(due.amount);
    if (dueDate === null)
      issues.push({
        field: `dues.${index}.dueDate`,
        code: due.date.trim() ? 'date_invalid' : 'required',
      });
    if (amountCents === null)
      issues.push({
        field: `dues.${index}.amountCents`,
        code: due.amount.trim() ? 'amount_invalid' : 'required',
      });
    return { dueDate: dueDate ?? '', amountCents: amountCents ?? 0 };
  });
  return {
    input: {
      clientId: draft.clientId,
      number: draft.number.trim(),
      issueDate: issueDate ?? '',
      description: draft.description.trim(),
      taxableBaseCents: base ?? 0,
      vatRatePercent: Number(draft.vatRatePercent),
      withholdingRatePercent: Number(draft.withholdingRatePercent),
      dues,
      lifecycle: 'issued',
    },
    issues,
  };
}
