// The ledger's index (shared/domain/ledger-index.ts) kept for the rows it was built from: loadLedger
// gives the very same frozen rows while nothing changed, so reopening the screen builds nothing.
import { buildLedgerIndex, type LedgerIndex } from '../../../../shared/domain/ledger-index';
import type { LedgerRow } from '../../db/ledger-queries';

/** One index at a time: a new build lets the previous one go first. */
let kept: { rows: readonly LedgerRow[]; index: LedgerIndex<LedgerRow> } | null = null;

export function ledgerIndexOf(rows: readonly LedgerRow[]): LedgerIndex<LedgerRow> {
  if (kept !== null && kept.rows === rows) return kept.index;
  kept = null;
  const index = buildLedgerIndex(rows);
  // Only frozen rows are kept: an array someone may still change could not be trusted later.
  if (Object.isFrozen(rows)) kept = { rows, index };
  return index;
}
