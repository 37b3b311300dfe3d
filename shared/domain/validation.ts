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
  /** A date that must be today or later (a plan's first installment). */
  | 'date_in_past'
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
  /** Delete: the invoice has credit notes (facturas rectificativas) that correct it. */
  | 'invoice_has_credit_notes'
  /** Delete or change: a payment plan names the invoice (delete: even a cancelled plan). */
  | 'invoice_in_plan'
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
  /** Import: the tax id belongs to a client of another name; params taxId and known. */
  | 'party_mismatch'
  /** Import: this bank statement was already imported. */
  | 'statement_already_imported'
  /** Import: the file cannot be read (wrong format, broken line or element); params reason. */
  | 'file_unreadable'
  /** SEPA: another mandate already uses this reference (UMR). */
  | 'mandate_reference_taken'
  /** SEPA: this receipt is already in a file sent to the bank (and was not returned). */
  | 'debit_already_presented'
  /** SEPA: only a returned receipt can be presented again. */
  | 'debit_not_returned'
  /** Money: this bank movement is already linked to a payment, or is not a credit to reconcile. */
  | 'movement_already_linked'
  /** Money: this payment is already linked to another bank movement. */
  | 'payment_already_linked'
  /** Money: the amounts differ; params expected and actual (cents). */
  | 'amount_mismatch'
  /** Money: nothing chosen for a receipt while the client still owes something. */
  | 'nothing_chosen'
  /** Invoice life: a credit note larger than what is still owed; params outstandingCents. */
  | 'credit_exceeds_outstanding'
  /** Invoice life: the client already has a credit note with this number; params number. */
  | 'credit_number_taken'
  /** Invoice life: not possible in the invoice's current state (draft, cancelled…); params lifecycle. */
  | 'invoice_not_open'
  /** Invoice life: cancelling an invoice with payments applied; params count. */
  | 'cancel_has_payments'
  /** Invoice life: an edit would put the payable below what is paid and credited. */
  | 'payable_below_settled'
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
