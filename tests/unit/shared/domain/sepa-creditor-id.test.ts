import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isValidCreditorIdentifier,
  spanishCreditorIdentifier,
} from '../../../../shared/domain/sepa-creditor-id';

describe('SEPA creditor identifier', () => {
  it('accepts the Bundesbank example identifier', () => {
    expect(isValidCreditorIdentifier('DE98ZZZ09999999999')).toBe(true);
    expect(isValidCreditorIdentifier('DE97ZZZ09999999999')).toBe(false);
  });

  it('builds the Spanish identifier from a CIF with the default business code', () => {
    expect(spanishCreditorIdentifier('B-12345674')).toBe('ES11000B12345674');
    expect(isValidCreditorIdentifier('ES11000B12345674')).toBe(true);
  });

  it('ignores the business code in the check, as the rulebook says', () => {
    expect(isValidCreditorIdentifier('ES11ABCB12345674')).toBe(true);
  });

  it('always builds identifiers that validate', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{9}$/), (taxId) => {
        expect(isValidCreditorIdentifier(spanishCreditorIdentifier(taxId))).toBe(true);
      }),
    );
  });

  it('refuses an empty tax id and a malformed business code', () => {
    expect(() => spanishCreditorIdentifier('')).toThrow(/NIF/);
    expect(() => spanishCreditorIdentifier('B12345674', '0000')).toThrow(/Business code/);
  });
});
