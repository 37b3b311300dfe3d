import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_VAT_RECOVERY_SETTINGS,
  compareVatUrgency,
  correctiveAmounts,
  headlineDue,
  invoiceVatStatus,
  isQualifyingClaim,
  isVatDueNear,
  vatNeedsAttention,
  qualifyingClaimOf,
  vatSharesOfDues,
  type VatClientFlags,
  type VatDueStatus,
  type VatInvoiceFacts,
  type VatStep,
} from '../../../../shared/domain/vat-recovery-status';

// 1.000 € base + 21 % VAT − 15 % IRPF = 1.060 € payable, in two dues of 530 €.
const invoice = (over: Partial<VatInvoiceFacts> = {}): VatInvoiceFacts => ({
  id: 'i1',
  clientId: 'c1',
  number: 'F-2026-001',
  issueDate: '2026-01-31',
  lifecycle: 'issued',
  taxableBaseCents: 100_000,
  vatCents: 21_000,
  payableCents: 106_000,
  paidCents: 0,
  dues: [
    { dueDate: '2026-02-28', amountCents: 53_000 },
    { dueDate: '2026-03-31', amountCents: 53_000 },
  ],
  ...over,
});
const business: VatClientFlags = {};
const burofax = {
  invoiceIds: ['i1'],
  kind: 'demand' as const,
  date: '2026-05-04',
  channel: 'burofax',
};
const run = (
  today: string,
  over: {
    invoice?: Partial<VatInvoiceFacts>;
    client?: VatClientFlags;
    events?: (typeof burofax)[];
    waitMonths?: 6 | 12;
    turnover?: 'up_to_limit' | 'over_limit';
  } = {},
) =>
  invoiceVatStatus({
    invoice: invoice(over.invoice),
    client: over.client ?? business,
    settings: {
      turnover: over.turnover ?? 'up_to_limit',
      waitMonths: over.waitMonths ?? 12,
    },
    legalEvents: over.events ?? [burofax],
    today,
  });

describe('vatSharesOfDues', () => {
  it('splits the VAT in proportion to the dues and adds up exactly', () => {
    expect(vatSharesOfDues(21_000, 106_000, [53_000, 53_000])).toEqual([10_500, 10_500]);
    expect(vatSharesOfDues(100, 3, [1, 1, 1])).toEqual([33, 34, 33]);
  });

  it('adds up to the VAT for any split (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 1, maxLength: 8 }),
        (vat, dues) => {
          const payable = dues.reduce((a, b) => a + b, 0);
          const shares = vatSharesOfDues(vat, payable, dues);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(vat);
          shares.forEach((share) => expect(Number.isSafeInteger(share)).toBe(true));
        },
      ),
    );
  });
});

describe('which claims qualify', () => {
  it('a burofax, a notarial requerimiento and a monitorio do; an e-mail does not', () => {
    expect(isQualifyingClaim({ kind: 'demand', channel: 'Burofax con certificación' })).toBe(true);
    expect(isQualifyingClaim({ kind: 'demand', channel: 'requerimiento notarial' })).toBe(true);
    expect(isQualifyingClaim({ kind: 'monitorio', channel: 'sede judicial' })).toBe(true);
    expect(isQualifyingClaim({ kind: 'demand', channel: 'email' })).toBe(false);
    expect(isQualifyingClaim({ kind: 'demand', channel: 'correo electrónico' })).toBe(false);
    expect(isQualifyingClaim({ kind: 'acknowledgment', channel: 'burofax' })).toBe(false);
    expect(isQualifyingClaim({ kind: 'masc_attempt', channel: 'burofax' })).toBe(false);
  });

  it('takes the earliest one covering the invoice, client-wide included, not a future one', () => {
    const events = [
      { invoiceIds: ['other'], kind: 'demand' as const, date: '2026-03-01', channel: 'burofax' },
      { invoiceIds: [], kind: 'demand' as const, date: '2026-04-01', channel: 'burofax' },
      { invoiceIds: ['i1'], kind: 'demand' as const, date: '2026-03-15', channel: 'email' },
      { invoiceIds: ['i1'], kind: 'monitorio' as const, date: '2026-09-01', channel: 'juzgado' },
    ];
    expect(qualifyingClaimOf('i1', events, '2026-06-01')?.date).toBe('2026-04-01');
    expect(qualifyingClaimOf('i1', events.slice(2), '2026-06-01')).toBeNull();
    expect(qualifyingClaimOf('i1', events.slice(2), '2026-09-01')?.kind).toBe('monitorio');
  });
});

describe('invoiceVatStatus: the windows and states', () => {
  it('before the wait: not yet, with the VAT at stake per due', () => {
    const status = run('2026-06-01');
    expect(status.exclusion).toBeNull();
    expect(
      status.dues.map((d) => [d.vatAtStakeCents, d.eligibleFrom, d.rectifyBy, d.state]),
    ).toEqual([
      [10_500, '2027-01-31', '2027-07-31', 'not_yet'],
      [10_500, '2027-01-31', '2027-07-31', 'not_yet'],
    ]);
    expect(status.recoverableCents).toBe(21_000);
  });

  it('six months when the small creditor chose it; one year over the turnover limit', () => {
    expect(run('2026-06-01', { waitMonths: 6 }).dues[0]?.eligibleFrom).toBe('2026-07-31');
    expect(run('2026-06-01', { waitMonths: 6, turnover: 'over_limit' }).dues[0]?.eligibleFrom).toBe(
      '2027-01-31',
    );
  });

  it('opening within 30 days, open, closing within 30 days, then lost', () => {
    expect(run('2027-01-01').dues[0]?.state).toBe('opening_soon');
    expect(run('2027-01-31').dues[0]?.state).toBe('open');
    expect(run('2027-07-01').dues[0]?.state).toBe('closing_soon');
    expect(run('2027-07-31').dues[0]?.state).toBe('closing_soon');
    const lost = run('2027-08-01');
    expect(lost.dues[0]?.state).toBe('lost');
    expect(lost.lostCents).toBe(21_000);
    expect(lost.recoverableCents).toBe(0);
  });

  it('an open window without a qualifying claim says what is missing', () => {
    const status = run('2027-03-01', {
      events: [{ ...burofax, channel: 'email' }],
    });
    expect(status.claim).toBeNull();
    expect(status.dues[0]?.state).toBe('missing_claim');
    expect(status.steps[0]).toEqual({
      kind: 'claim',
      by: '2027-07-31',
      doneOn: null,
      state: 'todo',
    });
  });

  it('a partly paid invoice puts only the unpaid VAT at stake; a paid due has none', () => {
    const status = run('2027-03-01', { invoice: { paidCents: 53_000 + 26_500 } });
    expect(status.dues.map((d) => [d.state, d.vatAtStakeCents])).toEqual([
      ['paid', 0],
      ['open', 5_250],
    ]);
  });

  it('credit notes count like payments', () => {
    const status = run('2027-03-01', { invoice: { creditedCents: 53_000 } });
    expect(status.dues[0]?.state).toBe('paid');
    expect(status.recoverableCents).toBe(10_500);
  });

  it('installments over more than a year: each due has its own window', () => {
    const status = run('2026-06-01', {
      invoice: {
        dues: [
          { dueDate: '2026-02-28', amountCents: 53_000 },
          { dueDate: '2027-02-28', amountCents: 53_000 },
        ],
      },
      waitMonths: 6,
    });
    expect(status.dues.map((d) => [d.eligibleFrom, d.rectifyBy])).toEqual([
      ['2026-08-28', '2027-02-28'],
      ['2027-08-28', '2028-02-28'],
    ]);
  });
});

describe('invoiceVatStatus: exclusions', () => {
  const excluded = (client: VatClientFlags, inv: Partial<VatInvoiceFacts> = {}) =>
    run('2027-03-01', { client, invoice: inv });

  it('related parties, debtors not established in Spain and debtors in concurso', () => {
    expect(excluded({ relatedParty: true }).exclusion).toBe('related_party');
    expect(excluded({ establishedInSpain: false }).exclusion).toBe('not_established');
    expect(excluded({ establishedInSpain: true }).exclusion).toBeNull();
    expect(excluded({ insolvencyDate: '2026-10-01' }).exclusion).toBe('insolvency');
    // A debt accrued after the auto follows the ordinary rule.
    expect(excluded({ insolvencyDate: '2026-01-15' }).exclusion).toBeNull();
    const status = excluded({ relatedParty: true });
    expect(status.dues.every((d) => d.state === 'excluded')).toBe(true);
    expect(status.recoverableCents).toBe(0);
    expect(status.steps).toEqual([]);
  });

  it('a consumer qualifies only with a base above 50 €', () => {
    expect(excluded({ debtorKind: 'consumer' }).exclusion).toBeNull();
    const small = { taxableBaseCents: 5_000, vatCents: 1_050, payableCents: 6_050 };
    const dues = [{ dueDate: '2026-02-28', amountCents: 6_050 }];
    expect(excluded({ debtorKind: 'consumer' }, { ...small, dues }).exclusion).toBe(
      'consumer_small_base',
    );
    expect(excluded({ debtorKind: 'business' }, { ...small, dues }).exclusion).toBeNull();
    expect(
      excluded({ debtorKind: 'consumer' }, { ...small, taxableBaseCents: 5_001, dues }).exclusion,
    ).toBeNull();
  });

  it('the secured part is left out, and a fully secured invoice is excluded', () => {
    expect(excluded({}, { securedCents: 53_000 }).recoverableCents).toBe(10_500);
    expect(excluded({}, { securedCents: 106_000 }).exclusion).toBe('secured');
  });

  it('a draft or cancelled invoice is not recoverable; a written-off one is', () => {
    expect(excluded({}, { lifecycle: 'cancelled' }).exclusion).toBe('not_issued');
    expect(excluded({}, { lifecycle: 'draft' }).exclusion).toBe('not_issued');
    expect(excluded({}, { lifecycle: 'written_off' }).exclusion).toBeNull();
  });
});

describe('invoiceVatStatus: after the corrective invoice', () => {
  const record = {
    correctiveInvoiceNumber: 'R-2027-001',
    correctiveInvoiceDate: '2027-03-10',
    vatCents: 21_000,
    paidCentsAtCorrection: 0,
    aeatNoticeDate: null,
    withdrawnDate: null,
  };

  it('the dues are rectified and the AEAT notice is due one month later', () => {
    const status = run('2027-03-20', { invoice: { vatRecovery: record } });
    expect(status.dues.map((d) => d.state)).toEqual(['rectified', 'rectified']);
    expect(status.recoverableCents).toBe(0);
    expect(status.steps).toContainEqual({
      kind: 'aeat_notice',
      by: '2027-04-10',
      doneOn: null,
      state: 'todo',
    });
    const late = run('2027-04-11', { invoice: { vatRecovery: record } });
    expect(late.steps.find((s) => s.kind === 'aeat_notice')?.state).toBe('late');
    const done = run('2027-04-11', {
      invoice: { vatRecovery: { ...record, aeatNoticeDate: '2027-04-02' } },
    });
    expect(done.steps.find((s) => s.kind === 'aeat_notice')?.state).toBe('done');
  });

  it('a withdrawn claim asks for the upward correction within a month', () => {
    const status = run('2027-05-01', {
      invoice: { vatRecovery: { ...record, withdrawnDate: '2027-04-30' } },
    });
    expect(status.steps).toContainEqual({
      kind: 'upward_correction',
      by: '2027-05-30',
      doneOn: null,
      state: 'todo',
    });
  });

  it('a payment after the correction is flagged', () => {
    expect(run('2027-05-01', { invoice: { vatRecovery: record } }).paidAfterCorrection).toBe(false);
    expect(
      run('2027-05-01', { invoice: { vatRecovery: record, paidCents: 10_000 } })
        .paidAfterCorrection,
    ).toBe(true);
  });

  it('a later installment whose window had not opened stays pending', () => {
    const status = run('2027-03-20', {
      invoice: {
        vatRecovery: record,
        dues: [
          { dueDate: '2026-02-28', amountCents: 53_000 },
          { dueDate: '2027-02-28', amountCents: 53_000 },
        ],
      },
    });
    expect(status.dues.map((d) => d.state)).toEqual(['rectified', 'not_yet']);
    expect(status.steps.at(-1)).toMatchObject({ kind: 'corrective_invoice', state: 'todo' });
  });
});

describe('isVatDueNear', () => {
  it('lists windows opening or closing within 30 days and those lost in the last 30', () => {
    const near = (today: string) =>
      run(today).dues.filter((due) => isVatDueNear(due, today)).length > 0;
    expect(near('2026-12-01')).toBe(false);
    expect(near('2027-01-02')).toBe(true);
    expect(near('2027-02-15')).toBe(true);
    expect(near('2027-04-15')).toBe(false);
    expect(near('2027-07-15')).toBe(true);
    expect(near('2027-08-30')).toBe(true);
    expect(near('2027-09-01')).toBe(false);
  });

  it('defaults to the one-year wait', () => {
    expect(DEFAULT_VAT_RECOVERY_SETTINGS.waitMonths).toBe(12);
  });
});

describe('headlineDue', () => {
  it('picks the most urgent due, then the earliest deadline', () => {
    const status = run('2027-03-01', { invoice: { paidCents: 53_000 } });
    expect(headlineDue(status)?.dueDate).toBe('2026-03-31');
    const twoOpen = run('2027-03-01');
    expect(headlineDue(twoOpen)?.dueDate).toBe('2026-02-28');
    expect(headlineDue({ dues: [] })).toBeNull();
  });
});

describe('correctiveAmounts', () => {
  it('takes back the base in proportion to the VAT, never more than the invoice', () => {
    const facts = { taxableBaseCents: 100_000, vatCents: 21_000 };
    expect(correctiveAmounts(facts, 21_000)).toEqual({ baseCents: 100_000, vatCents: 21_000 });
    expect(correctiveAmounts(facts, 10_500)).toEqual({ baseCents: 50_000, vatCents: 10_500 });
    expect(correctiveAmounts(facts, 99_999)).toEqual({ baseCents: 100_000, vatCents: 21_000 });
    expect(correctiveAmounts({ taxableBaseCents: 100, vatCents: 0 }, 5)).toEqual({
      baseCents: 0,
      vatCents: 0,
    });
  });
});

describe('vatNeedsAttention', () => {
  it('lists open windows, windows about to open, lost lately, and pending AEAT notices', () => {
    expect(vatNeedsAttention(run('2026-06-01'), '2026-06-01')).toBe(false);
    expect(vatNeedsAttention(run('2027-01-10'), '2027-01-10')).toBe(true);
    expect(vatNeedsAttention(run('2027-04-15'), '2027-04-15')).toBe(true);
    expect(vatNeedsAttention(run('2027-08-20'), '2027-08-20')).toBe(true);
    expect(vatNeedsAttention(run('2027-10-01'), '2027-10-01')).toBe(false);
    const record = {
      correctiveInvoiceNumber: 'R-1',
      correctiveInvoiceDate: '2027-03-10',
      vatCents: 21_000,
      paidCentsAtCorrection: 0,
      aeatNoticeDate: null,
      withdrawnDate: null,
    };
    const pending = run('2027-10-01', { invoice: { vatRecovery: record } });
    expect(vatNeedsAttention(pending, '2027-10-01')).toBe(true);
    const filed = run('2027-10-01', {
      invoice: { vatRecovery: { ...record, aeatNoticeDate: '2027-03-20' } },
    });
    expect(vatNeedsAttention(filed, '2027-10-01')).toBe(false);
  });
});

describe('compareVatUrgency', () => {
  const due = (state: VatDueStatus['state'], rectifyBy: string): VatDueStatus => ({
    dueDate: '2026-01-31',
    amountCents: 1_000,
    outstandingCents: 1_000,
    vatAtStakeCents: 210,
    eligibleFrom: '2026-07-31',
    rectifyBy,
    state,
  });
  const row = (id: string, dues: VatDueStatus[], steps: VatStep[] = []) => ({ id, dues, steps });

  it('puts a pending AEAT notice first, lost windows last, and earlier deadlines before later', () => {
    const rows = [
      row('lost', [due('lost', '2026-11-02')]),
      row('open-late', [due('open', '2027-06-30')]),
      row('closing', [due('closing_soon', '2027-01-15')]),
      row('open-early', [due('open', '2027-02-28')]),
      row(
        'notice',
        [due('rectified', '2026-10-01')],
        [{ kind: 'aeat_notice', by: '2026-12-20', doneOn: null, state: 'todo' }],
      ),
      row('opening', [due('opening_soon', '2027-08-01')]),
    ];
    expect([...rows].sort(compareVatUrgency).map((entry) => entry.id)).toEqual([
      'notice',
      'closing',
      'open-early',
      'open-late',
      'opening',
      'lost',
    ]);
  });
});
