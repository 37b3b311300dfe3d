import { describe, expect, it } from 'vitest';
import { placeLine } from '../../../../shared/pdf/place-line';

describe('place line', () => {
  it('writes a province equal to its city once', () => {
    expect(placeLine({ postalCode: '50003', city: 'Zaragoza', province: 'Zaragoza' })).toBe(
      '50003 Zaragoza',
    );
    expect(placeLine({ postalCode: '29001', city: 'Málaga', province: 'MALAGA' })).toBe(
      '29001 Málaga',
    );
  });

  it('puts another province in brackets, and copes with missing parts', () => {
    expect(placeLine({ postalCode: '22300', city: 'Barbastro', province: 'Huesca' })).toBe(
      '22300 Barbastro (Huesca)',
    );
    expect(placeLine({ postalCode: '', city: '', province: 'Teruel' })).toBe('Teruel');
    expect(placeLine({ postalCode: '', city: '', province: '' })).toBe('');
  });
});
