// SEPA creditor identifier (AT-02): country, ISO 7064 mod 97-10 check digits, business code, national id.

function lettersToDigits(text: string): string {
  return [...text.toUpperCase()]
    .map((char) => (/[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char))
    .join('');
}

function mod97(digits: string): number {
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder;
}

/** Spain's form: ES + check digits + business code (default "000") + the NIF/CIF. */
export function spanishCreditorIdentifier(taxId: string, businessCode: string = '000'): string {
  const nationalId = taxId.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!/^[A-Z0-9]{3}$/.test(businessCode))
    throw new Error(`Business code "${businessCode}" must be 3 letters or digits`);
  if (nationalId === '') throw new Error('A creditor identifier needs the NIF or CIF');
  const check = 98 - mod97(lettersToDigits(`${nationalId}ES00`));
  return `ES${String(check).padStart(2, '0')}${businessCode}${nationalId}`;
}

/** The business code (positions 5–7) is not part of the check, as the EPC rulebook says. */
export function isValidCreditorIdentifier(identifier: string): boolean {
  const id = identifier.toUpperCase().replace(/\s/g, '');
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/.test(id)) return false;
  return mod97(lettersToDigits(`${id.slice(7)}${id.slice(0, 4)}`)) === 1;
}
