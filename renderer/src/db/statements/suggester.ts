// Suggestions for a statement's credits, off the main thread: a Web Worker indexes the open items
// and answers in batches, so rows show while the rest are computed and the window keeps responding.
// Where there is no Worker (unit tests) or it fails to start, the same session runs here in slices.
import type { MatchSuggestion, OpenItem } from '../../../../shared/domain/reconciliation';
import type { RecordedPayment } from '../../../../shared/domain/reconciliation-links';
import {
  createReconciliationSession,
  movementForMatching,
  type MovementForMatching,
} from '../../../../shared/domain/reconciliation-session';
import { packOpenItems } from '../../../../shared/domain/reconciliation-transfer';
import type {
  FromSuggestionWorker,
  SuggestionPort,
  ToSuggestionWorker,
} from './suggestion-protocol';

/** Movements per batch: small enough that the first rows show at once, large enough to be cheap. */
export const SUGGESTION_BATCH = 50;

export interface SuggestedRow<M> {
  movement: M;
  suggestions: MatchSuggestion[];
}

export interface SuggestionRun<M> {
  /** Every row when the run is complete; the rows ready so far when it was cancelled or superseded. */
  done: Promise<{ rows: SuggestedRow<M>[]; complete: boolean }>;
  /** Ends the run between two batches; `done` resolves with what is ready. */
  cancel(): void;
}

export interface Suggester {
  /** Where the work runs: 'worker' on the screen, 'main' in unit tests or as a fallback. */
  readonly engine: () => 'worker' | 'main';
  /** New open items: indexed again; resolves once indexed, with the indexing time. */
  setLedger(items: readonly OpenItem[]): Promise<{ ms: number }>;
  /** New recorded payments near the statement's dates (the same list again changes nothing). */
  setRecorded(payments: readonly RecordedPayment[]): void;
  /**
   * Suggests for the movements in their order; after each batch `onBatch` gets the rows ready so
   * far (a prefix, in order) and the total. A new ledger, new payments or a new run end this one.
   */
  suggest<M extends MovementForMatching>(
    movements: readonly M[],
    onBatch?: (ready: SuggestedRow<M>[], total: number) => void,
    batch?: number,
  ): SuggestionRun<M>;
  dispose(): void;
}

/** Lets the browser paint and handle input between slices (a task, not a microtask). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The fallback: the same session on this thread, a slice at a time between tasks. */
export function createMainThreadSuggester(): Suggester {
  const session = createReconciliationSession();
  let recordedKey: string | null = null;
  let generation = 0;
  return {
    engine: () => 'main',
    setLedger(items) {
      generation += 1;
      const started = performance.now();
      session.setLedger(items);
      return Promise.resolve({ ms: performance.now() - started });
    },
    setRecorded(payments) {
      const key = JSON.stringify(payments);
      if (key === recordedKey) return;
      recordedKey = key;
      generation += 1;
      session.setRecorded(payments);
    },
    suggest(movements, onBatch = () => undefined, batch = SUGGESTION_BATCH) {
      generation += 1;
      const mine = generation;
      let cancelled = false;
      const ended = () => cancelled || generation !== mine;
      const done = (async () => {
        const rows: SuggestedRow<(typeof movements)[number]>[] = [];
        const size = Math.max(1, batch);
        // Never inside suggest() itself: the caller has its run before the first batch, as with a worker.
        await Promise.resolve();
        if (movements.length === 0) onBatch([], 0);
        for (let from = 0; from < movements.length; from += size) {
          if (ended()) return { rows, complete: false };
          for (const movement of movements.slice(from, from + size)) {
            rows.push({ movement, suggestions: session.suggestionsFor(movement) });
          }
          onBatch([...rows], movements.length);
          if (from + size < movements.length) await nextTask();
        }
        return { rows, complete: true };
      })();
      return {
        done,
        cancel: () => {
          cancelled = true;
        },
      };
    },
    dispose: () => undefined,
  };
}

interface PendingRun {
  movements: readonly MovementForMatching[];
  rows: SuggestedRow<MovementForMatching>[];
  onBatch: (ready: SuggestedRow<MovementForMatching>[], total: number) => void;
  resolve: (result: { rows: SuggestedRow<MovementForMatching>[]; complete: boolean }) => void;
}

/** The client of a suggestions worker (or of anything speaking its protocol on a port). */
export function createPortSuggester(
  port: SuggestionPort<ToSuggestionWorker, FromSuggestionWorker>,
  close: () => void = () => undefined,
): Suggester {
  let nextRun = 1;
  const runs = new Map<number, PendingRun>();
  const indexing: ((result: { ms: number }) => void)[] = [];
  let recordedKey: string | null = null;

  function listener({ data }: MessageEvent<FromSuggestionWorker>): void {
    if (data.type === 'ledger-ready') {
      indexing.shift()?.({ ms: data.ms });
      return;
    }
    const run = runs.get(data.run);
    if (!run) return;
    if (data.type === 'batch') {
      data.suggestions.forEach((suggestions, k) => {
        const movement = run.movements[data.from + k];
        if (movement) run.rows.push({ movement, suggestions });
      });
      run.onBatch([...run.rows], run.movements.length);
      return;
    }
    runs.delete(data.run);
    run.resolve({ rows: run.rows, complete: data.complete });
  }
  port.addEventListener('message', listener);

  return {
    engine: () => 'worker',
    setLedger(items) {
      return new Promise((resolve) => {
        indexing.push(resolve);
        port.postMessage({ type: 'ledger', packed: packOpenItems(items) });
      });
    },
    setRecorded(payments) {
      const key = JSON.stringify(payments);
      if (key === recordedKey) return;
      recordedKey = key;
      port.postMessage({ type: 'recorded', payments: [...payments] });
    },
    suggest(movements, onBatch = () => undefined, batch = SUGGESTION_BATCH) {
      const run = nextRun;
      nextRun += 1;
      if (movements.length === 0) onBatch([], 0);
      const done = new Promise<{ rows: SuggestedRow<MovementForMatching>[]; complete: boolean }>(
        (resolve) => {
          runs.set(run, {
            movements,
            rows: [],
            onBatch: onBatch as PendingRun['onBatch'],
            resolve,
          });
        },
      );
      port.postMessage({
        type: 'suggest',
        run,
        // Only what matching reads crosses over: a stored movement's other fields stay here.
        movements: movements.map(movementForMatching),
        batch,
      });
      return {
        // The rows hold the caller's own movements (kept here), with the suggestions from the worker.
        done: done as Promise<{
          rows: SuggestedRow<(typeof movements)[number]>[];
          complete: boolean;
        }>,
        cancel: () => {
          // Batches already on their way are dropped: nothing reaches onBatch after cancel().
          const pending = runs.get(run);
          if (!pending) return;
          runs.delete(run);
          pending.resolve({ rows: pending.rows, complete: false });
          port.postMessage({ type: 'cancel', run });
        },
      };
    },
    dispose() {
      port.removeEventListener('message', listener);
      for (const run of runs.values()) run.resolve({ rows: run.rows, complete: false });
      runs.clear();
      close();
    },
  };
}

/**
 * The screen's suggester: a Web Worker where the browser has one, started on first use and ended
 * by dispose() (used again after that, it starts afresh: React may mount a screen twice). If the
 * worker cannot start or fails, the work moves to this thread: the last ledger and payments are
 * given again and runs in progress start over there, with the same callbacks.
 */
export function createSuggester(): Suggester {
  let inner: Suggester | null = null;
  const started = (): Suggester => (inner ??= startSuggester());
  return {
    engine: () => started().engine(),
    setLedger: (items) => started().setLedger(items),
    setRecorded: (payments) => started().setRecorded(payments),
    suggest: (movements, onBatch, batch) => started().suggest(movements, onBatch, batch),
    dispose() {
      inner?.dispose();
      inner = null;
    },
  };
}

function startSuggester(): Suggester {
  if (typeof Worker === 'undefined') return createMainThreadSuggester();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./suggestions.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return createMainThreadSuggester();
  }
  return withFallback(
    createPortSuggester(worker, () => worker.terminate()),
    (onFailure) => worker.addEventListener('error', onFailure),
  );
}

/** Runs on `primary` until it reports a failure, then on a main-thread suggester. */
function withFallback(
  primary: Suggester,
  onFailure: (listener: (event: Event) => void) => void,
): Suggester {
  let current = primary;
  let ledger: readonly OpenItem[] | null = null;
  let recorded: readonly RecordedPayment[] | null = null;
  const active = new Set<{ restart: () => void }>();

  onFailure((event) => {
    if (current !== primary) return;
    event.preventDefault();
    primary.dispose();
    current = createMainThreadSuggester();
    if (ledger) void current.setLedger(ledger);
    if (recorded) current.setRecorded(recorded);
    for (const run of active) run.restart();
  });

  return {
    engine: () => current.engine(),
    setLedger(items) {
      ledger = items;
      return current.setLedger(items);
    },
    setRecorded(payments) {
      recorded = payments;
      current.setRecorded(payments);
    },
    suggest(movements, onBatch, batch) {
      let inner = current.suggest(movements, onBatch, batch);
      let cancelled = false;
      let settle: (result: Awaited<typeof inner.done>) => void = () => undefined;
      const done = new Promise<Awaited<typeof inner.done>>((resolve) => {
        settle = resolve;
      });
      const entry = {
        restart: () => {
          inner = current.suggest(movements, onBatch, batch);
          follow();
        },
      };
      const follow = () => {
        const mine = inner;
        void mine.done.then((result) => {
          // A run the failed worker gave up on is started again on this thread, not ended.
          if (mine !== inner) return;
          active.delete(entry);
          settle(result);
        });
      };
      active.add(entry);
      follow();
      return {
        done,
        cancel: () => {
          if (cancelled) return;
          cancelled = true;
          inner.cancel();
        },
      };
    },
    dispose: () => current.dispose(),
  };
}
