// One statement screen's matching state, wherever it runs (a Web Worker or the main thread): the
// open items' index, the recorded payments added to it, and each movement's suggestions computed once.
import type { CalendarDate } from './dates';
import type { MatchSuggestion, MovementToMatch, OpenItem } from './reconciliation';
import type { MatchIndex } from './reconciliation-index';
import {
  buildMatchIndex,
  suggestMatchesIndexed,
  withRecordedPayments,
} from './reconciliation-index';
import type { RecordedPayment } from './reconciliation-links';

/** What matching reads of a bank movement (a stored movement has more; only this crosses over). */
export type MovementForMatching = MovementToMatch & { valueDate?: CalendarDate };

export interface ReconciliationSession {
  /** New open items: the index is built again (the costly part), suggestions are forgotten. */
  setLedger(items: readonly OpenItem[]): void;
  /** New recorded payments: the open items' index is kept, suggestions are forgotten. */
  setRecorded(payments: readonly RecordedPayment[]): void;
  /** Whether setLedger was called: without open items there is nothing to match against yet. */
  ready(): boolean;
  /** The movement's suggestions against the current index, computed once per index. */
  suggestionsFor(movement: MovementForMatching): MatchSuggestion[];
}

/** Only the fields matching reads: a stored movement's status or statement id never cross over. */
export function movementForMatching(movement: MovementForMatching): MovementForMatching {
  const plain: MovementForMatching = {
    id: movement.id,
    date: movement.date,
    amountCents: movement.amountCents,
    concept: movement.concept,
    references: [...movement.references],
    counterpartyName: movement.counterpartyName,
  };
  if (movement.valueDate !== undefined) plain.valueDate = movement.valueDate;
  return plain;
}

export function createReconciliationSession(): ReconciliationSession {
  let base: MatchIndex | null = null;
  let recorded: readonly RecordedPayment[] = [];
  let index: MatchIndex | null = null;
  // A movement's text never changes, so its id is enough within one index.
  let computed = new Map<string, MatchSuggestion[]>();

  return {
    setLedger(items) {
      base = buildMatchIndex(items);
      index = withRecordedPayments(base, recorded);
      computed = new Map();
    },
    setRecorded(payments) {
      recorded = payments;
      index = base ? withRecordedPayments(base, recorded) : null;
      computed = new Map();
    },
    ready: () => index !== null,
    suggestionsFor(movement) {
      if (!index) return [];
      const known = computed.get(movement.id);
      if (known) return known;
      const suggestions = suggestMatchesIndexed(index, movement);
      computed.set(movement.id, suggestions);
      return suggestions;
    },
  };
}
