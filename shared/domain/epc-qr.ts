// EPC069-12 "SEPA credit transfer" QR payload: what a banking app scans to pre-fill a transfer.
import { validateIban } from './iban';
import type { Cents } from './money';

export interface EpcQrInput {
  /** Beneficiary name as the bank should show it (at most 70 characters). */
  name: string;
  iban: string;
  /** Optional since version 002 inside the EEA; 8 or 11 characters when given. */
  bic?: string;
  /** Omit to let the payer type the amount. */
  amountCents?: Cents;
  /** Free text shown to the payer, e.g. "Plan 2026-3 plazo 1/6" (at most 140 characters). */
  remittance?: string;
}

/** The standard caps the whole payload at 331 bytes. */
export const EPC_MAX_BYTES = 331;
const MAX_AMOUNT_CENTS = 999_999_999_99;

/** Line breaks would shift every field that follows; the standard uses LF as the separator. */
function clean(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new RangeError(`EPC QR: ${message}`);
}

/** "EUR1234.5" style amount: a dot, no grouping, no trailing zeros needed (we keep two). */
function epcAmount(cents: Cents): string {
  return `EUR${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

export function buildEpcQrPayload(input: EpcQrInput): string {
  const name = clean(input.name);
  check(name.length > 0 && name.length <= 70, 'the beneficiary name needs 1 to 70 characters');
  const iban = validateIban(input.iban);
  check(iban.valid, `"${input.iban}" is not a valid IBAN`);
  const bic = clean(input.bic ?? '').toUpperCase();
  check(bic === '' || /^[A-Z0-9]{8}([A-Z0-9]{3})?$/.test(bic), `"${bic}" is not a BIC`);
  let amount = '';
  if (input.amountCents !== undefined) {
    const cents = input.amountCents;
    check(
      Number.isSafeInteger(cents) && cents >= 1 && cents <= MAX_AMOUNT_CENTS,
      'the amount must be from 0.01 to 999999999.99 euros',
    );
    amount = epcAmount(cents);
  }
  const remittance = clean(input.remittance ?? '');
  check(remittance.length <= 140, 'the remittance text is limited to 140 characters');
  const lines = [
    'BCD',
    '002',
    '1', // UTF-8
    'SCT',
    bic,
    name,
    iban.normalized,
    amount,
    '', // purpose code
    '', // structured (RF) reference: we use the free-text line instead
    remittance,
  ];
  // Trailing empty fields may be left out; the last line carries no terminator.
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const payload = lines.join('\n');
  check(new TextEncoder().encode(payload).length <= EPC_MAX_BYTES, 'the payload exceeds 331 bytes');
  return payload;
}
