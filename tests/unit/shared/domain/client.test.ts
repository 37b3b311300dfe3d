import { describe, it, expect } from 'vitest';
import { validateClientInput, type ClientInput } from '../../../../shared/domain/client';

const valid: ClientInput = {
  name: 'Talleres Ruiz S.L.',
  taxId: 'B12345674',
  email: 'admin@talleresruiz.es',
  paymentTermDays: 30,
  creditLimitCents: 500000,
};

describe('validateClientInput', () => {
  it('accepts a complete client', () => {
    expect(validateClientInput(valid)).toEqual([]);
  });

  it('accepts an empty e-mail, no credit limit and cash terms', () => {
    expect(
      validateClientInput({ ...valid, email: '', creditLimitCents: null, paymentTermDays: 0 }),
    ).toEqual([]);
  });

  it('accepts a tax id typed with spaces and dashes', () => {
    expect(validateClientInput({ ...valid, taxId: '12.345.678-z' })).toEqual([]);
  });

  it('requires a name of at most 200 characters', () => {
    expect(validateClientInput({ ...valid, name: '   ' })).toEqual([
      { field: 'name', code: 'required' },
    ]);
    expect(validateClientInput({ ...valid, name: 'x'.repeat(201) })).toEqual([
      { field: 'name', code: 'too_long', params: { max: 200 } },
    ]);
    expect(validateClientInput({ ...valid, name: 'x'.repeat(200) })).toEqual([]);
  });

  it('requires a valid Spanish tax id', () => {
    expect(validateClientInput({ ...valid, taxId: '' })).toEqual([
      { field: 'taxId', code: 'required' },
    ]);
    expect(validateClientInput({ ...valid, taxId: '12345678A' })).toEqual([
      { field: 'taxId', code: 'tax_id_invalid' },
    ]);
  });

  it.each(['admin', 'admin@', '@example.es', 'a b@example.es', 'admin@example', 'a@b..es'])(
    'rejects the e-mail "%s"',
    (email) => {
      expect(validateClientInput({ ...valid, email })).toEqual([
        { field: 'email', code: 'email_invalid' },
      ]);
    },
  );

  it.each([-1, 366, 30.5, Number.NaN])('rejects a payment term of %s days', (paymentTermDays) => {
    expect(validateClientInput({ ...valid, paymentTermDays })).toEqual([
      { field: 'paymentTermDays', code: 'out_of_range', params: { min: 0, max: 365 } },
    ]);
  });

  it('rejects a negative or fractional credit limit', () => {
    expect(validateClientInput({ ...valid, creditLimitCents: -1 })).toEqual([
      { field: 'creditLimitCents', code: 'amount_negative' },
    ]);
    expect(validateClientInput({ ...valid, creditLimitCents: 10.5 })).toEqual([
      { field: 'creditLimitCents', code: 'amount_invalid' },
    ]);
  });
});
