// The messages between the statement screen and the suggestions worker: plain data both ways.
import type { MatchSuggestion } from '../../../../shared/domain/reconciliation';
import type { PackedOpenItems } from '../../../../shared/domain/reconciliation-transfer';
import type { RecordedPayment } from '../../../../shared/domain/reconciliation-links';
import type { MovementForMatching } from '../../../../shared/domain/reconciliation-session';

export type ToSuggestionWorker =
  /** The open items (read on the main thread from index keys), packed: the worker indexes them. */
  | { type: 'ledger'; packed: PackedOpenItems }
  /** Payments recorded but not linked, near the statement's dates. */
  | { type: 'recorded'; payments: RecordedPayment[] }
  /** Suggest for these movements, `batch` at a time; any message after it ends the run early. */
  | { type: 'suggest'; run: number; movements: MovementForMatching[]; batch: number }
  | { type: 'cancel'; run: number };

export type FromSuggestionWorker =
  /** The open items are indexed; `ms` is the worker's time to index them. */
  | { type: 'ledger-ready'; ms: number; items: number }
  /** The suggestions of movements `from`, `from + 1`… of the run, in its order. */
  | { type: 'batch'; run: number; from: number; suggestions: MatchSuggestion[][] }
  /** The run is over: every movement suggested (`complete`) or ended early. */
  | { type: 'end'; run: number; complete: boolean; ms: number };

/** Either end of the channel: a Worker, the worker's own scope, or a MessagePort in tests. */
export interface SuggestionPort<Out, In> {
  postMessage(message: Out): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<In>) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<In>) => void): void;
}
