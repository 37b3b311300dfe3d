// Valid Spanish NIF and CIF numbers for demo clients, with the official control characters.
import type { Rng } from './prng';

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

export function makeNif(rng: Rng): string {
  const number = rng.int(10_000_000, 99_999_999);
  return `${number}${DNI_LETTERS.charAt(number % 23)}`;
}

function cifControlDigit(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const digit = Number(digits.charAt(index));
    if (index % 2 === 0) {
      const doubled = digit * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    } else {
      sum += digit;
    }
  }
  return (10 - (sum % 10)) % 10;
}

/** `A` for a sociedad anónima, `B` for a limitada; both always end in a digit. */
export function makeCif(rng: Rng, entity: 'A' | 'B', provinceCode: string): string {
  const digits = `${provinceCode}${String(rng.int(0, 99_999)).padStart(5, '0')}`;
  return `${entity}${digits}${cifControlDigit(digits)}`;
}
