import { describe, expect, it } from 'vitest';
import { readBankStatement } from '../../../../shared/formats/bank-statement';
import { hasSharedData, sharedBytes } from '../../../support/shared-data';
import { norma43File } from './norma43-fixture';

const bytes = (text: string) => new TextEncoder().encode(text);
const fee = { date: '260306', amountCents: -300, concept: 'COMISION' };
const credit = {
  date: '260305',
  amountCents: 121_000,
  concept: 'TRANSF GARCIA',
  ref1: 'FRA 2026-1',
};

describe('readBankStatement', () => {
  it('gives identical movements of one file different fingerprints, stable across reads', () => {
    const [statement] = readBankStatement(bytes(norma43File([fee, fee, credit])));
    const prints = statement!.movements.map((movement) => movement.fingerprint);
    expect(new Set(prints).size).toBe(3);
    expect(prints[0]!.endsWith('#0')).toBe(true);
    expect(prints[1]!.endsWith('#1')).toBe(true);
    const [again] = readBankStatement(bytes(norma43File([fee, fee, credit])));
    expect(again!.fingerprint).toBe(statement!.fingerprint);
    expect(again!.movements.map((movement) => movement.fingerprint)).toEqual(prints);
  });

  it('keeps the Norma 43 references that say something, and the concept lines as the concept', () => {
    const [statement] = readBankStatement(bytes(norma43File([credit])));
    expect(statement!.movements[0]).toMatchObject({
      date: '2026-03-05',
      amountCents: 121_000,
      concept: 'TRANSF GARCIA',
      references: ['FRA 2026-1'],
      commonCode: '04',
    });
    expect(statement!.format).toBe('norma43');
  });

  it('tells a different statement of the same account apart', () => {
    const [a] = readBankStatement(bytes(norma43File([credit])));
    const [b] = readBankStatement(bytes(norma43File([credit, fee])));
    expect(a!.fingerprint).not.toBe(b!.fingerprint);
    expect(a!.movements[0]!.fingerprint).toBe(b!.movements[0]!.fingerprint);
  });
});

describe.skipIf(!hasSharedData)('readBankStatement on real files', () => {
  it('reads camt.053 v8 as a statement with its IBAN and signed entries', () => {
    const [statement] = readBankStatement(sharedBytes('camt', 'genkgo_camt', 'camt053.v8.xml'));
    expect(statement).toMatchObject({ format: 'camt053', account: 'NL26VAYB8060476890' });
    expect(statement!.movements.map((movement) => movement.amountCents)).toEqual([885]);
  });

  it('reads the two accounts of a multi-account Norma 43 file', () => {
    const statements = readBankStatement(sharedBytes('norma43', 'oca_l10n-spain', 'testmulti.n43'));
    expect(statements.map((statement) => statement.account)).toEqual([
      '000000000000000000',
      '100000001000000000',
    ]);
  });
});

describe('statement warnings', () => {
  it('a Norma 43 file without 33 and 88 imports with a warning per missing record', () => {
    const full = norma43File([{ date: '260305', amountCents: 121_000, concept: 'TALLERES' }]);
    const cut = full
      .split('\r\n')
      .filter((line) => !/^(33|88)/.test(line))
      .join('\r\n');
    const [statement] = readBankStatement(new TextEncoder().encode(cut));
    expect(statement?.movements).toHaveLength(1);
    expect(statement?.warnings).toEqual([
      { code: 'no_closing_record', account: '210004180200051332' },
      { code: 'no_end_record' },
    ]);
    const [whole] = readBankStatement(new TextEncoder().encode(full));
    expect(whole?.warnings).toEqual([]);
  });
});
