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
  | 'out_of_range'
  /** Plans: the installments do not add up to what is owed; params expected and actual (cents). */
  | 'plan_sum_mismatch'
  /** Plans: an invoice is paid, of another client, or already in another plan. */
  | 'plan_invoice_unavailable'
  /** Plans: the plan is not in a state that allows this (e.g. editing a signed plan). */
  | 'plan_wrong_status'
  /** Plans: a signature block is still empty. */
  | 'signature_missing'
  /** Import: the same client and number appear twice in the file; params firstRow. */
  | 'duplicate_in_file'
  /** Import: this bank statement was already imported. */
  | 'statement_already_imported'
  /** Import: the file cannot be read (wrong format, broken line or element); params reason. */
  | 'file_unreadable'
  /** SEPA: another mandate already uses this reference (UMR). */
  | 'mandate_reference_taken'
  /** Invoice life: a credit note larger than what is still owed; params outstandingCents. */
  | 'credit_exceeds_outstanding'
  /** Invoice life: the client already has a credit note with this number; params number. */
  | 'credit_number_taken'
  /** Invoice life: not possible in the invoice's current state (draft, cancelled…); params lifecycle. */
  | 'invoice_not_open'
  /** Invoice life: the invoice is in a payment plan; the plan must be cancelled first. */
  | 'invoice_in_plan'
  /** Invoice life: cancelling an invoice with payments applied; params count. */
  | 'cancel_has_payments'
  /** Invoice life: an edit would put the payable below what is paid and credited. */
  | 'payable_below_settled'
  /** Deleting an invoice that has credit notes (they would point at nothing); params count. */
  | 'invoice_has_credit_notes'
  /** Import: a credit note names an invoice that is not stored; params number. */
  | 'corrected_invoice_missing';

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
