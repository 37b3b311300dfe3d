import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildEpcQrPayload, EPC_MAX_BYTES } from '../../../../shared/domain/epc-qr';

const IBAN = 'ES91 2100 0418 4502 0005 1332';

describe('buildEpcQrPayload', () => {
  it('writes the EPC069-12 version 002 lines in order, separated by LF', () => {
    const payload = buildEpcQrPayload({
      name: 'Reformas Ebro S.L.',
      iban: IBAN,
      bic: 'caixesbbxxx',
      amountCents: 1234_50,
      remittance: 'Plan PP-2026-0001 plazo 1/6',
    });
    expect(payload.split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'CAIXESBBXXX',
      'Reformas Ebro S.L.',
      'ES9121000418450200051332',
      'EUR1234.50',
      '',
      '',
      'Plan PP-2026-0001 plazo 1/6',
    ]);
    expect(payload.endsWith('\n')).toBe(false);
  });

  it('leaves the BIC empty and drops trailing empty fields', () => {
    const payload = buildEpcQrPayload({ name: 'Ana Ruiz', iban: IBAN, amountCents: 5 });
    expect(payload).toBe('BCD\n002\n1\nSCT\n\nAna Ruiz\nES9121000418450200051332\nEUR0.05');
  });

  it('keeps a line break in a field from shifting the fields after it', () => {
    const payload = buildEpcQrPayload({ name: 'Ana\nRuiz', iban: IBAN, remittance: 'a\r\nb' });
    expect(payload.split('\n')[5]).toBe('Ana Ruiz');
    expect(payload.split('\n')[10]).toBe('a b');
  });

  it('refuses a bad IBAN, an empty or long name, a zero amount and a long remittance', () => {
    expect(() => buildEpcQrPayload({ name: 'X', iban: 'ES00 0000 0000 0000 0000 0000' })).toThrow(
      /IBAN/,
    );
    expect(() => buildEpcQrPayload({ name: ' ', iban: IBAN })).toThrow(/name/);
    expect(() => buildEpcQrPayload({ name: 'x'.repeat(71), iban: IBAN })).toThrow(/name/);
    expect(() => buildEpcQrPayload({ name: 'X', iban: IBAN, amountCents: 0 })).toThrow(/amount/);
    expect(() => buildEpcQrPayload({ name: 'X', iban: IBAN, amountCents: 1.5 })).toThrow(/amount/);
    expect(() => buildEpcQrPayload({ name: 'X', iban: IBAN, remittance: 'r'.repeat(141) })).toThrow(
      /remittance/,
    );
    expect(() => buildEpcQrPayload({ name: 'X', iban: IBAN, bic: 'NOPE' })).toThrow(/BIC/);
  });

  it('always writes the amount as euros with a dot and two decimals, within 331 bytes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999_999_99 }),
        fc.string({ maxLength: 70 }).filter((name) => name.replace(/[\r\n]+/g, ' ').trim() !== ''),
        fc.string({ maxLength: 40 }),
        (amountCents, name, remittance) => {
          const payload = buildEpcQrPayload({ name, iban: IBAN, amountCents, remittance });
          const amountLine = payload.split('\n')[7] ?? '';
          const match = /^EUR(\d+)\.(\d{2})$/.exec(amountLine);
          expect(match).not.toBeNull();
          expect(Number(match?.[1]) * 100 + Number(match?.[2])).toBe(amountCents);
          expect(new TextEncoder().encode(payload).length).toBeLessThanOrEqual(EPC_MAX_BYTES);
        },
      ),
    );
  });
});
