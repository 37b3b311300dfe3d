// The worker path against the in-thread path: the worker's service on one end of a real
// MessageChannel (structured clone, asynchronous delivery, as with a Worker), the client on the other.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createMainThreadSuggester,
  createPortSuggester,
  createSuggester,
  type Suggester,
} from '../../../../../renderer/src/db/statements/suggester';
import { serveSuggestions } from '../../../../../renderer/src/db/statements/suggestion-service';
import type {
  FromSuggestionWorker,
  ToSuggestionWorker,
} from '../../../../../renderer/src/db/statements/suggestion-protocol';
import { suggestMatches } from '../../../../../shared/domain/reconciliation';
import { byAmount, withLinks } from '../../../../../shared/domain/reconciliation-links';
import {
  LEDGER,
  MOVEMENTS,
  RECORDED,
  summarize,
} from '../../../shared/domain/reconciliation-fixture';

const opened: Suggester[] = [];
afterEach(() => {
  for (const suggester of opened.splice(0)) suggester.dispose();
});

/** A suggester talking to the worker's service through a MessageChannel; and what crossed it. */
function overChannel(): { suggester: Suggester; sent: ToSuggestionWorker[] } {
  const channel = new MessageChannel();
  const sent: ToSuggestionWorker[] = [];
  channel.port1.addEventListener('message', (event: MessageEvent<ToSuggestionWorker>) => {
    sent.push(event.data);
  });
  const stop = serveSuggestions(channel.port1);
  channel.port1.start();
  channel.port2.start();
  const suggester = createPortSuggester(channel.port2, () => {
    stop();
    channel.port1.close();
    channel.port2.close();
  });
  opened.push(suggester);
  return { suggester, sent };
}

describe('the suggestions worker', () => {
  it('suggests exactly what the in-thread path and the per-movement algorithm suggest', async () => {
    const { suggester } = overChannel();
    expect(suggester.engine()).toBe('worker');
    const indexed = await suggester.setLedger(LEDGER.items);
    expect(indexed.ms).toBeGreaterThanOrEqual(0);
    suggester.setRecorded(RECORDED);
    const worker = await suggester.suggest(MOVEMENTS, undefined, 7).done;

    const local = createMainThreadSuggester();
    await local.setLedger(LEDGER.items);
    local.setRecorded(RECORDED);
    const inThread = await local.suggest(MOVEMENTS, undefined, 7).done;

    expect(worker.complete).toBe(true);
    expect(worker.rows).toHaveLength(MOVEMENTS.length);
    // The worker's rows keep the caller's own movement objects, in the statement's order.
    worker.rows.forEach((row, k) => expect(row.movement).toBe(MOVEMENTS[k]));
    expect(worker.rows.map((row) => row.suggestions)).toEqual(
      inThread.rows.map((row) => row.suggestions),
    );
    const recorded = byAmount(RECORDED);
    expect(worker.rows.map((row) => summarize(row.suggestions))).toEqual(
      MOVEMENTS.map((movement) =>
        summarize(withLinks(movement, suggestMatches(movement, LEDGER.items), recorded)),
      ),
    );
    // The fixed set has every kind: clean, partial, several invoices, typos, links, no match.
    const kinds = worker.rows.map((row) => row.suggestions[0]?.reasons.join(',') ?? 'none');
    expect(kinds).toContain('none');
    expect(kinds.some((reasons) => reasons.includes('sum_of_items'))).toBe(true);
    expect(kinds.some((reasons) => reasons.includes('recorded_payment'))).toBe(true);
    expect(kinds.some((reasons) => reasons.includes('number_in_text'))).toBe(true);
  });

  it('hands the rows over in batches, each a longer prefix, before the run ends', async () => {
    const { suggester } = overChannel();
    void suggester.setLedger(LEDGER.items);
    const prefixes: number[] = [];
    let ended = false;
    const run = suggester.suggest(
      MOVEMENTS,
      (ready, total) => {
        expect(ended).toBe(false);
        expect(total).toBe(MOVEMENTS.length);
        expect(ready.map((row) => row.movement)).toEqual(MOVEMENTS.slice(0, ready.length));
        prefixes.push(ready.length);
      },
      20,
    );
    const { complete } = await run.done;
    ended = true;
    const expected = Array.from({ length: Math.ceil(MOVEMENTS.length / 20) }, (_, k) =>
      Math.min(MOVEMENTS.length, (k + 1) * 20),
    );
    expect(complete).toBe(true);
    expect(prefixes).toEqual(expected);
  });

  it('sends only what matching reads, and the same payments once', async () => {
    const { suggester, sent } = overChannel();
    await suggester.setLedger(LEDGER.items);
    suggester.setRecorded(RECORDED);
    suggester.setRecorded([...RECORDED]);
    const stored = { ...MOVEMENTS[0]!, statementId: 's1', status: 'unmatched', paymentId: null };
    await suggester.suggest([stored]).done;
    expect(sent.map((message) => message.type)).toEqual(['ledger', 'recorded', 'suggest']);
    const suggest = sent[2] as Extract<ToSuggestionWorker, { type: 'suggest' }>;
    expect(Object.keys(suggest.movements[0]!).sort()).toEqual(
      [
        'amountCents',
        'concept',
        'counterpartyName',
        'date',
        'id',
        'references',
        'valueDate',
      ].sort(),
    );
  });

  it('ends a run early when cancelled, or when a newer ledger arrives', async () => {
    const { suggester } = overChannel();
    await suggester.setLedger(LEDGER.items);
    const seen: number[] = [];
    const cancelled = suggester.suggest(
      MOVEMENTS,
      (ready) => {
        seen.push(ready.length);
        cancelled.cancel();
      },
      5,
    );
    const first = await cancelled.done;
    expect(first.complete).toBe(false);
    expect(first.rows).toHaveLength(5);
    expect(seen).toEqual([5]);

    const superseded = suggester.suggest(MOVEMENTS, undefined, 1);
    await suggester.setLedger(LEDGER.items.slice(0, 3));
    const second = await superseded.done;
    expect(second.complete).toBe(false);
    expect(second.rows.length).toBeLessThan(MOVEMENTS.length);
    const fresh = await suggester.suggest(MOVEMENTS).done;
    expect(fresh.complete).toBe(true);
  });

  it('tells the screen the run is over for an empty statement', async () => {
    const { suggester } = overChannel();
    await suggester.setLedger(LEDGER.items);
    const totals: number[] = [];
    const { rows, complete } = await suggester.suggest([], (_, total) => totals.push(total)).done;
    expect({ rows, complete, totals }).toEqual({ rows: [], complete: true, totals: [0] });
  });

  it('runs on this thread where there is no Worker', () => {
    const suggester = createSuggester();
    opened.push(suggester);
    expect(suggester.engine()).toBe('main');
  });
});

// Keeps the two message unions in use by the test's types (a protocol change fails to compile here).
export type Protocol = [ToSuggestionWorker, FromSuggestionWorker];
