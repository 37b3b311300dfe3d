import { describe, it, expect } from 'vitest';
import { validateSpanishTaxId } from '../../../../shared/domain/taxId';

describe('validateSpanishTaxId', () => {
  it.each([
    ['12345678Z', 'NIF'],
    ['00000000T', 'NIF'],
    ['K1234567L', 'NIF'],
    ['X1234567L', 'NIE'],
    ['Y1234567X', 'NIE'],
    ['Z1234567R', 'NIE'],
    ['A58818501', 'CIF'],
    ['B12345674', 'CIF'],
    ['Q2826000H', 'CIF'],
    ['P1234567D', 'CIF'],
    ['G12345674', 'CIF'],
    ['G1234567D', 'CIF'],
  ])('accepts the valid %s as a %s', (id, kind) => {
    expect(validateSpanishTaxId(id)).toEqual({ valid: true, kind, normalized: id });
  });

  it('normalizes case, spaces, dashes and dots, even when the id is invalid', () => {
    expect(validateSpanishTaxId(' 12.345.678-z ')).toEqual({
      valid: true,
      kind: 'NIF',
      normalized: '12345678Z',
    });
    expect(validateSpanishTaxId('b-1234 567.5')).toEqual({
      valid: false,
      kind: 'CIF',
      normalized: 'B12345675',
    });
  });

  it.each([
    ['12345678A', 'NIF'],
    ['K1234567A', 'NIF'],
    ['X1234567A', 'NIE'],
    ['A58818502', 'CIF'],
    ['A5881850A', 'CIF'],
    ['P12345674', 'CIF'],
    ['B1234567D', 'CIF'],
  ])('reports the kind of %s but rejects its control character', (id, kind) => {
    expect(validateSpanishTaxId(id)).toMatchObject({ valid: false, kind });
  });

  it.each(['', '1234567Z', '123456789', 'I1234567A', 'X12345678', 'ESB12345674', 'hola'])(
    'finds no known shape in "%s"',
    (id) => {
      expect(validateSpanishTaxId(id)).toMatchObject({ valid: false, kind: null });
    },
  );
});
