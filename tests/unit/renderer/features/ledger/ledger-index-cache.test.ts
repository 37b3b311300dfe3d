import { describe, expect, it } from 'vitest';
import { ledgerIndexOf } from '../../../../../renderer/src/features/ledger/ledger-index-cache';
import { buildLedgerIndex } from '../../../../../shared/domain/ledger-index';
import type { LedgerRow } from '../../../../../renderer/src/db/ledger-queries';

function row(id: string, clientName: string): LedgerRow {
  return {
    id,
    clientId: `c-${clientName}`,
    clientName,
    clientTaxId: 'B12345674',
    number: id,
    issueDate: '2026-01-15',
    nextDueDate: '2026-02-14',
    payableCents: 1_210_00,
    outstandingCents: 1_210_00,
    overdueCents: 0,
    totalCents: 1_210_00,
    lifecycle: 'issued',
    status: 'pending',
    inPlan: false,
    daysOverdue: 0,
    bucket: 'not_due',
    lastContactDate: null,
    searchText: `${clientName.toLowerCase()}\u0000b12345674\u0000${id}`,
    amountText: '\u00011210,00\u00011.210,00',
  };
}

describe('the ledger index kept between visits', () => {
  it('is built once for the same frozen rows, and again for new rows', () => {
    const rows = Object.freeze([row('A-1', 'García'), row('A-2', 'López')]);
    const index = ledgerIndexOf(rows);
    expect(index).toEqual(buildLedgerIndex(rows));
    expect(ledgerIndexOf(rows)).toBe(index);
    const next = Object.freeze([row('A-1', 'García')]);
    const other = ledgerIndexOf(next);
    expect(other).not.toBe(index);
    expect(other.rows).toBe(next);
    // Only one is kept: going back to the first rows builds it again.
    expect(ledgerIndexOf(rows)).not.toBe(index);
  });

  it('keeps nothing for rows that may still change', () => {
    const rows = [row('A-1', 'García')];
    expect(ledgerIndexOf(rows)).not.toBe(ledgerIndexOf(rows));
  });
});
