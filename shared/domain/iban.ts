// IBAN checks (ISO 13616 mod-97) and the grouped-by-four display form.

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
// Only the Spanish length is enforced; other countries get the generic shape and checksum.
const KNOWN_LENGTHS: Readonly<Record<string, number>> = { ES: 24 };

export function validateIban(text: string): { valid: boolean; normalized: string } {
  const normalized = text.toUpperCase().replace(/[\s-]/g, '').replace(/^IBAN/, '');
  if (!IBAN_SHAPE.test(normalized)) return { valid: false, normalized };
  const expectedLength = KNOWN_LENGTHS[normalized.slice(0, 2)];
  if (expectedLength !== undefined && normalized.length !== expectedLength) {
    return { valid: false, normalized };
  }
  return { valid: mod97(normalized.slice(4) + normalized.slice(0, 4)) === 1, normalized };
}

// Letters become 10..35; the remainder is folded digit by digit so no big numbers are needed.
function mod97(rearranged: string): number {
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' && char <= 'Z' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

export function formatIban(normalized: string): string {
  return normalized.replace(/(.{4})(?=.)/g, '$1 ');
}
