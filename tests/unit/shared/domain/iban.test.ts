import { describe, it, expect } from 'vitest';
import { formatIban, validateIban } from '../../../../shared/domain/iban';

describe('validateIban', () => {
  it.each([
    'ES9121000418450200051332',
    'ES91 2100 0418 4502 0005 1332',
    'es91-2100-0418-4502-0005-1332',
    'IBAN ES91 2100 0418 4502 0005 1332',
    'DE89370400440532013000',
    'GB82WEST12345698765432',
  ])('accepts %s', (text) => {
    expect(validateIban(text).valid).toBe(true);
  });

  it('returns the compact upper-case form', () => {
    expect(validateIban('es91 2100 0418 4502 0005 1332').normalized).toBe(
      'ES9121000418450200051332',
    );
  });

  it.each([
    ['a wrong check digit', 'ES9221000418450200051332'],
    ['a changed account digit', 'ES9121000418450200051333'],
    // The checksum of this 23-character Spanish IBAN is right; only the length is wrong.
    ['a Spanish IBAN of the wrong length', 'ES982100041845020005133'],
    ['a non-IBAN', '2100 0418 4502 0005 1332'],
    ['an empty text', ''],
  ])('rejects %s', (_, text) => {
    expect(validateIban(text).valid).toBe(false);
  });
});

describe('formatIban', () => {
  it('prints groups of four', () => {
    expect(formatIban('ES9121000418450200051332')).toBe('ES91 2100 0418 4502 0005 1332');
    expect(formatIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
    expect(formatIban('')).toBe('');
  });
});
