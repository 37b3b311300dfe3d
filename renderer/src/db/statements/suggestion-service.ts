// The worker's side of suggesting: holds the session (index and computed suggestions) and answers
// each run in batches, yielding between them so a newer ledger, payments or run ends it early.
import { createReconciliationSession } from '../../../../shared/domain/reconciliation-session';
import { unpackOpenItems } from '../../../../shared/domain/reconciliation-transfer';
import type {
  FromSuggestionWorker,
  SuggestionPort,
  ToSuggestionWorker,
} from './suggestion-protocol';

/** Lets queued messages in between batches: scheduler.yield where there is one, else a timer. */
export function yieldTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Serves suggestion runs on `port` until it closes; returns a function that stops listening. */
export function serveSuggestions(
  port: SuggestionPort<FromSuggestionWorker, ToSuggestionWorker>,
  pause: () => Promise<void> = yieldTask,
): () => void {
  const session = createReconciliationSession();
  let current: number | null = null;

  function endCurrent(): void {
    if (current === null) return;
    port.postMessage({ type: 'end', run: current, complete: false, ms: 0 });
    current = null;
  }

  async function suggest(message: Extract<ToSuggestionWorker, { type: 'suggest' }>): Promise<void> {
    const { run, movements } = message;
    const batch = Math.max(1, message.batch);
    const started = performance.now();
    for (let from = 0; from < movements.length; from += batch) {
      if (current !== run) return;
      const suggestions = movements
        .slice(from, from + batch)
        .map((movement) => session.suggestionsFor(movement));
      port.postMessage({ type: 'batch', run, from, suggestions });
      if (from + batch < movements.length) await pause();
    }
    if (current !== run) return;
    current = null;
    port.postMessage({ type: 'end', run, complete: true, ms: performance.now() - started });
  }

  function listener({ data }: MessageEvent<ToSuggestionWorker>): void {
    switch (data.type) {
      case 'ledger': {
        endCurrent();
        const started = performance.now();
        const items = unpackOpenItems(data.packed);
        session.setLedger(items);
        port.postMessage({
          type: 'ledger-ready',
          ms: performance.now() - started,
          items: items.length,
        });
        return;
      }
      case 'recorded':
        endCurrent();
        session.setRecorded(data.payments);
        return;
      case 'suggest':
        endCurrent();
        current = data.run;
        void suggest(data);
        return;
      case 'cancel':
        if (current === data.run) endCurrent();
        return;
    }
  }

  port.addEventListener('message', listener);
  return () => port.removeEventListener('message', listener);
}
