// Validation failures as values with a place: a field (or row) and a code the UI translates.

export type IssueCode =
  | 'required'
  | 'too_long'
  | 'tax_id_invalid'
  | 'tax_id_taken'
  | 'amount_invalid'
  | 'amount_not_positive'
  | 'amount_negative'
  | 'date_invalid'
  | 'dues_empty'
  | 'dues_sum_mismatch'
  | 'due_before_issue'
  | 'invoice_number_taken'
  | 'payment_exceeds_outstanding'
  | 'allocation_exceeds_invoice'
  | 'allocation_exceeds_payment'
  | 'allocation_wrong_client'
  | 'client_has_invoices'
  | 'client_has_payments'
  | 'invoice_has_payments'
  | 'payable_below_paid'
  | 'not_found'
  | 'iban_invalid'
  | 'email_invalid'
  /** A number outside its allowed range; params carry min and max. */
  | 'out_of_range';

export interface FieldIssue {
  /** A form field name or a path like "dues.1.amount". */
  field: string;
  code: IssueCode;
  params?: Record<string, string | number>;
}

export class ValidationError extends Error {
  readonly issues: readonly FieldIssue[];

  constructor(issues: readonly FieldIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.code}`).join('; '));
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

export function isValidationError(error: unknown): error is ValidationError {
  return error instanceof ValidationError;
}
