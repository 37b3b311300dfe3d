// Turns a row issue into a sentence naming the row, the field and the value, in the UI language.
import { useCallback } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { useFormat } from '../../app/use-format';
import type { RowIssue } from '../../../../shared/formats/row-validation';

export const FIELD_LABELS: Record<string, MessageKey> = {
  clientTaxId: 'import.field.clientTaxId',
  clientName: 'import.field.clientName',
  number: 'import.field.number',
  issueDate: 'import.field.issueDate',
  dueDate: 'import.field.dueDate',
  taxableBase: 'import.field.taxableBase',
  vatRate: 'import.field.vatRate',
  withholdingRate: 'import.field.withholdingRate',
  total: 'import.field.total',
  description: 'import.field.description',
  name: 'import.field.name',
  taxId: 'import.field.taxId',
  email: 'import.field.email',
  phone: 'import.field.phone',
  address: 'import.field.address',
  postalCode: 'import.field.postalCode',
  city: 'import.field.city',
  province: 'import.field.province',
  paymentTermDays: 'import.field.paymentTermDays',
};

const PROBLEMS: Record<string, MessageKey> = {
  required: 'import.problem.required',
  date_invalid: 'import.problem.date_invalid',
  amount_invalid: 'import.problem.amount_invalid',
  amount_not_positive: 'import.problem.amount_not_positive',
  tax_id_invalid: 'import.problem.tax_id_invalid',
  due_before_issue: 'import.problem.due_before_issue',
  dues_sum_mismatch: 'import.problem.dues_sum_mismatch',
  out_of_range: 'import.problem.out_of_range',
  email_invalid: 'import.problem.email_invalid',
  too_long: 'import.problem.too_long',
  duplicate_in_file: 'import.problem.duplicate_in_file',
  invoice_number_taken: 'import.problem.invoice_number_taken',
  tax_id_taken: 'import.problem.tax_id_taken',
  corrected_invoice_missing: 'import.problem.corrected_invoice_missing',
  credit_exceeds_outstanding: 'import.problem.credit_exceeds_outstanding',
  credit_number_taken: 'import.problem.credit_number_taken',
  party_mismatch: 'import.problem.party_mismatch',
};

/** "Fecha de vencimiento" → "fecha de vencimiento" inside a sentence; "NIF" stays. */
function inSentence(label: string): string {
  const second = label.charAt(1);
  return second && second === second.toLowerCase()
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label;
}

export function useRowIssueText(): (issue: RowIssue) => string {
  const t = useT();
  const { money } = useFormat();
  return useCallback(
    (issue: RowIssue) => {
      // An amount a credit note may not exceed comes in cents.
      const outstanding = issue.params?.outstanding;
      const params =
        typeof outstanding === 'number'
          ? { ...issue.params, outstanding: money(outstanding) }
          : issue.params;
      const fieldKey = FIELD_LABELS[issue.field];
      const problemKey = PROBLEMS[issue.code];
      return t('import.rowIssue', {
        row: issue.row,
        field: fieldKey ? inSentence(t(fieldKey)) : issue.field,
        value: issue.value ? `'${issue.value}' ` : '',
        problem: problemKey ? t(problemKey, params) : issue.code,
      });
    },
    [t, money],
  );
}
