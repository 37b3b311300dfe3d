import { describe, expect, it } from 'vitest';
import { sameParty } from '../../../../shared/domain/party-names';

describe('same party', () => {
  it('reads a name with or without accents, punctuation and legal form as the same', () => {
    expect(sameParty('Talleres García S.L.', 'TALLERES GARCIA, S. L.')).toBe(true);
    expect(sameParty('Construcciones Moncayo', 'Construcciones Moncayo S.L.')).toBe(true);
    expect(sameParty('Panadería Luna', '')).toBe(true);
  });

  it('tells two different companies apart even when they share the legal form', () => {
    expect(sameParty('Bodegas Somontano S.L.', 'Talleres García S.L.')).toBe(false);
    expect(sameParty('Talleres García S.L.', 'Talleres López S.L.')).toBe(false);
  });
});
