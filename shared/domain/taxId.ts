// Spanish tax ids (NIF, NIE, CIF): shape detection and the official control characters.
// The camelCase file name is an external contract, hence the exception to kebab-case.

export type SpanishTaxIdKind = 'NIF' | 'NIE' | 'CIF';

export interface SpanishTaxIdResult {
  valid: boolean;
  kind: SpanishTaxIdKind | null;
  /** Upper case without spaces, dashes or dots; returned for invalid input too. */
  normalized: string;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const CIF_CONTROL_LETTERS = 'JABCDEFGHI';
// Entities whose CIF always ends in a letter, or always in a digit (Orden EHA/451/2008).
const CIF_LETTER_ONLY = 'PQRSWN';
const CIF_DIGIT_ONLY = 'ABEH';

const DNI_SHAPE = /^\d{8}[A-Z]$/;
// K (under 14), L (non-resident Spaniards), M (foreigners without NIE): DNI letter on 7 digits.
const KLM_SHAPE = /^[KLM]\d{7}[A-Z]$/;
const NIE_SHAPE = /^[XYZ]\d{7}[A-Z]$/;
const CIF_SHAPE = /^[ABCDEFGHJNPQRSUVW]\d{7}[0-9A-J]$/;

function dniLetter(digits: string): string {
  return DNI_LETTERS.charAt(Number(digits) % 23);
}

function cifControlDigit(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const digit = Number(digits.charAt(index));
    // Positions are counted from 1: odd ones are doubled and their digits added.
    if (index % 2 === 0) {
      const doubled = digit * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    } else {
      sum += digit;
    }
  }
  return (10 - (sum % 10)) % 10;
}

function isValidCif(id: string): boolean {
  const entity = id.charAt(0);
  const control = id.charAt(8);
  const expected = cifControlDigit(id.slice(1, 8));
  const asDigit = String(expected);
  const asLetter = CIF_CONTROL_LETTERS.charAt(expected);
  if (CIF_LETTER_ONLY.includes(entity)) return control === asLetter;
  if (CIF_DIGIT_ONLY.includes(entity)) return control === asDigit;
  return control === asDigit || control === asLetter;
}

export function validateSpanishTaxId(id: string): SpanishTaxIdResult {
  const normalized = id.toUpperCase().replace(/[\s.-]/g, '');
  const control = normalized.charAt(8);
  if (DNI_SHAPE.test(normalized)) {
    return { valid: control === dniLetter(normalized.slice(0, 8)), kind: 'NIF', normalized };
  }
  if (KLM_SHAPE.test(normalized)) {
    return { valid: control === dniLetter(normalized.slice(1, 8)), kind: 'NIF', normalized };
  }
  if (NIE_SHAPE.test(normalized)) {
    const prefix = String('XYZ'.indexOf(normalized.charAt(0)));
    const valid = control === dniLetter(prefix + normalized.slice(1, 8));
    return { valid, kind: 'NIE', normalized };
  }
  if (CIF_SHAPE.test(normalized)) {
    return { valid: isValidCif(normalized), kind: 'CIF', normalized };
  }
  return { valid: false, kind: null, normalized };
}
