// Checks for the client form: name, Spanish tax id, e-mail, payment term and credit limit.
import type { FieldIssue } from './validation';
import { isCents } from './money';
import { validateSpanishTaxId } from './taxId';

export interface ClientInput {
  name: string;
  taxId: string;
  email: string;
  paymentTermDays: number;
  creditLimitCents: number | null;
}

export const CLIENT_NAME_MAX = 200;
export const PAYMENT_TERM_MAX_DAYS = 365;

// Deliberately loose: catches typos like a missing @ or domain, not every RFC 5322 corner.
const PLAUSIBLE_EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function validateClientInput(input: ClientInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const name = input.name.trim();
  if (name === '') issues.push({ field: 'name', code: 'required' });
  else if (name.length > CLIENT_NAME_MAX) {
    issues.push({ field: 'name', code: 'too_long', params: { max: CLIENT_NAME_MAX } });
  }

  if (input.taxId.trim() === '') issues.push({ field: 'taxId', code: 'required' });
  else if (!validateSpanishTaxId(input.taxId).valid) {
    issues.push({ field: 'taxId', code: 'tax_id_invalid' });
  }

  const email = input.email.trim();
  if (email !== '' && !PLAUSIBLE_EMAIL.test(email)) {
    issues.push({ field: 'email', code: 'email_invalid' });
  }

  const term = input.paymentTermDays;
  if (!Number.isInteger(term) || term < 0 || term > PAYMENT_TERM_MAX_DAYS) {
    const params = { min: 0, max: PAYMENT_TERM_MAX_DAYS };
    issues.push({ field: 'paymentTermDays', code: 'out_of_range', params });
  }

  const limit = input.creditLimitCents;
  if (limit !== null) {
    if (!isCents(limit)) issues.push({ field: 'creditLimitCents', code: 'amount_invalid' });
    else if (limit < 0) issues.push({ field: 'creditLimitCents', code: 'amount_negative' });
  }
  return issues;
}
