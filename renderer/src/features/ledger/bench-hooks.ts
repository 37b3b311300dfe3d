// Benchmark hooks, installed only when the page is opened with ?bench: timed loads and aggregates.
import { generateDemoData, streamDemoData } from '../../../../shared/demo/generate-demo';
import { todayLocal } from '../../../../shared/domain/dates';
import { getDb } from '../../db/database';
import { DEMO_SLICE_INVOICES } from '../../db/demo-loader-chunks';
import { startDemo } from '../../db/demo-mode';
import { loadDashboardInputs } from '../../db/ledger-queries';
import { computeDashboard } from '../dashboard/dashboard-figures';
import {
  loadOpenItems,
  readClientNames,
  unlinkedPaymentsNear,
} from '../../db/statements/reconciliation-reads';
import type { MovementToMatch, OpenItem } from '../../../../shared/domain/reconciliation';
import { suggestMatches } from '../../../../shared/domain/reconciliation';
import { byAmount, withLinks } from '../../../../shared/domain/reconciliation-links';
import { createMainThreadSuggester, createSuggester } from '../../db/statements/suggester';
import { getVatRecoverySettings, listVatRecovery } from '../../db/vat-recovery-repo';
import { invoiceVatStatus, vatNeedsAttention } from '../../../../shared/domain/vat-recovery-status';
import Dexie from 'dexie';

const RAW_DB = 'cc-bench-raw';
const RAW_TABLES = ['clients', 'invoices', 'payments', 'allocations', 'activities'] as const;
type RawTable = (typeof RAW_TABLES)[number];

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** A bare database with the app's stores and indexes, so both loads maintain the same indexes. */
async function openRawLikeApp(): Promise<IDBDatabase> {
  await getDb().open();
  const app = getDb().backendDB();
  await request(indexedDB.deleteDatabase(RAW_DB));
  const open = indexedDB.open(RAW_DB, 1);
  open.onupgradeneeded = () => {
    const tx = app.transaction([...RAW_TABLES], 'readonly');
    for (const name of RAW_TABLES) {
      const source = tx.objectStore(name);
      const target = open.result.createObjectStore(name, {
        keyPath: source.keyPath,
        autoIncrement: source.autoIncrement,
      });
      for (const indexName of Array.from(source.indexNames)) {
        const index = source.index(indexName);
        target.createIndex(indexName, index.keyPath, {
          unique: index.unique,
          multiEntry: index.multiEntry,
        });
      }
    }
  };
  return request(open);
}

/** Puts `data`'s rows into the raw database in one transaction, durable as the app's. */
async function putRaw(db: IDBDatabase, data: Partial<Record<RawTable, readonly unknown[]>>) {
  // Same durability as the app's Dexie database, so only the library's work differs.
  const tx = db.transaction([...RAW_TABLES], 'readwrite', { durability: 'strict' });
  for (const name of RAW_TABLES) {
    const store = tx.objectStore(name);
    for (const record of data[name] ?? []) store.put(record);
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('raw load failed'));
    // An aborted transaction (quota, memory) fires only abort: without this the bench waits forever.
    tx.onabort = () => reject(tx.error ?? new Error('raw load aborted'));
  });
}

/** A progress line the bench runner prints (it forwards the page's "[bench]" messages). */
function progress(what: string, done: number, total: number, since: number): void {
  const seconds = ((performance.now() - since) / 1000).toFixed(1);
  console.log(`[bench] ${what} ${done}/${total} (${seconds} s)`);
}

/** Prints every `every`-th call (and the last), so a long load shows it is moving. */
function throttled(every: number, print: (done: number, total: number) => void) {
  let calls = 0;
  return (done: number, total: number) => {
    calls += 1;
    if (calls % every === 0 || done === total) print(done, total);
  };
}

/**
 * The raw IndexedDB baseline. `inChunks`: as the chunked demo load does, a slice of invoices
 * (with their payments and activities) per transaction, generated between them and not timed.
 */
async function loadRaw(invoices: number, inChunks = false): Promise<{ ms: number }> {
  const today = todayLocal();
  if (!inChunks) {
    const data = generateDemoData({ invoices, today });
    const db = await openRawLikeApp();
    const started = performance.now();
    await putRaw(db, data);
    const ms = performance.now() - started;
    db.close();
    await request(indexedDB.deleteDatabase(RAW_DB));
    return { ms };
  }
  const db = await openRawLikeApp();
  const since = performance.now();
  const stream = streamDemoData({ invoices, today }, DEMO_SLICE_INVOICES);
  let started = performance.now();
  await putRaw(db, { clients: stream.clients });
  let ms = performance.now() - started;
  const report = throttled(5, (done, total) => progress('raw load', done, total, since));
  let done = 0;
  for (const slice of stream.chunks()) {
    started = performance.now();
    await putRaw(db, slice);
    ms += performance.now() - started;
    done += slice.invoices.length;
    report(done, invoices);
  }
  db.close();
  await request(indexedDB.deleteDatabase(RAW_DB));
  return { ms };
}

/** An error's name and message, and its inner error's (Dexie wraps IndexedDB's). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = (error as { inner?: unknown }).inner;
  const own = `${error.name}: ${error.message}`;
  return inner instanceof Error && inner !== error ? `${own} (${describeError(inner)})` : own;
}

async function loadRepo(
  invoices: number,
  inChunks = false,
): Promise<{ ms: number; generateMs: number }> {
  const today = todayLocal();
  if (inChunks) {
    // Generation happens inside, slice by slice; the loader times it and it is taken out.
    const since = performance.now();
    const write = throttled(5, (done, total) => progress('demo load', done, total, since));
    const model = throttled(10, (done, total) =>
      progress('read model, clients', done, total, since),
    );
    const result = await startDemo({
      invoices,
      today,
      inChunks: true,
      onPhase: (phase, done, total) => (phase === 'write' ? write : model)(done, total),
    }).catch((error: unknown) => {
      // What the runner sees is the message alone: name the error and its cause (a quota...).
      throw new Error(`demo load failed: ${describeError(error)}`);
    });
    const generateMs = result.generateMs ?? 0;
    return { ms: performance.now() - since - generateMs, generateMs };
  }
  // The demo loader generates its data inside; time generation alone and take it out.
  const generateStarted = performance.now();
  generateDemoData({ invoices, today });
  const generateMs = performance.now() - generateStarted;
  const started = performance.now();
  // Into the sample database, as the app does: the demonstration stays open for the next page load.
  await startDemo({ invoices, today });
  return { ms: performance.now() - started - generateMs, generateMs };
}

/** Timed runs of the aggregate: their median is the figure, the slowest is printed beside it. */
const AGGREGATE_RUNS = 5;

/**
 * The Panel's aggregate on inputs already read: the median of five runs after a warm-up (one run
 * alone gave 52 and 128 ms on the same code, as a garbage collection fell in it or not).
 */
async function aggregate(): Promise<{ ms: number; slowestMs: number }> {
  const inputs = await loadDashboardInputs(getDb());
  const today = todayLocal();
  computeDashboard(inputs, today); // warm-up: the first run includes compiling the code
  const runs: number[] = [];
  for (let run = 0; run < AGGREGATE_RUNS; run += 1) {
    const started = performance.now();
    computeDashboard(inputs, today);
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[Math.floor(runs.length / 2)] ?? Number.NaN, slowestMs: runs.at(-1) ?? 0 };
}

/** A month's credits against the sample ledger: clean, partial, typos, tax id only, no match. */
function statementFor(items: readonly OpenItem[], count: number, today: string): MovementToMatch[] {
  const invoices = items.filter((item) => item.kind === 'invoice');
  return Array.from({ length: count }, (_, k) => {
    const item = invoices[(k * 7919) % Math.max(1, invoices.length)];
    const base = { id: `bench-${k}`, date: today, references: [] as string[] };
    if (!item || k % 5 === 4)
      return { ...base, amountCents: 1_000 + k, concept: 'INGRESO', counterpartyName: 'OTRO SL' };
    const name = item.clientName.toUpperCase();
    switch (k % 5) {
      case 0:
        return {
          ...base,
          amountCents: item.outstandingCents,
          concept: `FRA ${item.label}`,
          counterpartyName: name,
        };
      case 1:
        return {
          ...base,
          amountCents: Math.max(1, Math.floor(item.outstandingCents / 2)),
          concept: `PAGO PARCIAL ${item.label}`,
          counterpartyName: name.slice(0, -2),
        };
      case 2:
        return {
          ...base,
          amountCents: item.outstandingCents,
          concept: 'TRANSFERENCIA',
          counterpartyName: name.replace(/A/, 'E'),
        };
      default:
        return {
          ...base,
          amountCents: item.outstandingCents,
          concept: 'ABONO',
          counterpartyName: '',
          references: [item.clientTaxId],
        };
    }
  });
}

/**
 * Where reconcile's time goes: the reads on the main thread (clients' names, open items, payments);
 * the worker started and handed the open items (`postMs`, on the main thread) until they are
 * indexed (`indexMs` from the items read, overlapping the payments' read; `indexWorkerMs` is the
 * worker's own indexing); the lookups until the last batch is back (`suggestMs`, from indexed).
 * `firstMs` is from the start to the first batch of rows on the main thread.
 */
interface ReconcileParts {
  readMs: number;
  clientsMs: number;
  itemsMs: number;
  postMs: number;
  paymentsMs: number;
  indexMs: number;
  indexWorkerMs: number;
  suggestMs: number;
  firstMs: number;
  batches: number;
  /** Index and lookups of the same items on the main thread, one pass: a same-load comparison. */
  inThreadMs: number;
}

/**
 * Suggestions for `count` credits against the stored ledger, from the parsed statement to every
 * suggestion ready, as the statement screen gets them: open items and recorded payments read here,
 * indexed once in the suggestions worker, every movement matched there and posted back in
 * batches; and the old per-movement scan on the first `oldSample` of them, for comparison.
 */
async function reconcile(
  count: number,
  oldSample: number,
): Promise<{
  ms: number;
  oldMsPerMovement: number;
  same: boolean;
  engine: 'worker' | 'main';
  parts: ReconcileParts;
}> {
  const today = todayLocal();
  const warm = await loadOpenItems(getDb());
  const movements = statementFor(warm, count, today);
  const started = performance.now();
  const clients = await readClientNames(getDb());
  const clientsAt = performance.now();
  const items = await loadOpenItems(getDb(), clients);
  const itemsAt = performance.now();
  // As the screen does: the open items go to the worker as soon as they are read (it indexes them
  // while the payments are read here); the messages are taken in order.
  const suggester = createSuggester();
  let indexAt = Number.NaN;
  let firstAt = Number.NaN;
  let batches = 0;
  const indexed = suggester.setLedger(items).then((result) => {
    indexAt = performance.now();
    return result;
  });
  // Starting the worker and copying the open items to it is what the main thread does itself.
  const postMs = performance.now() - itemsAt;
  const recorded = await unlinkedPaymentsNear(
    getDb(),
    movements.map((movement) => ({ date: movement.date, valueDate: movement.date })),
    clients,
  );
  const readAt = performance.now();
  suggester.setRecorded(recorded);
  const { rows, complete } = await suggester.suggest(movements, () => {
    if (batches === 0) firstAt = performance.now();
    batches += 1;
  }).done;
  const ms = performance.now() - started;
  const engine = suggester.engine();
  const indexWorkerMs = (await indexed).ms;
  suggester.dispose();
  if (!complete) throw new Error('reconcile: the suggestion run ended early');
  const parts: ReconcileParts = {
    readMs: readAt - started - postMs,
    clientsMs: clientsAt - started,
    itemsMs: itemsAt - clientsAt,
    postMs,
    paymentsMs: readAt - itemsAt - postMs,
    indexMs: indexAt - itemsAt,
    indexWorkerMs,
    suggestMs: ms - (indexAt - started),
    firstMs: firstAt - started,
    batches,
    inThreadMs: 0,
  };
  // The same index and lookups on this thread, for comparison under the same load (not the path).
  const local = createMainThreadSuggester();
  const localStarted = performance.now();
  await local.setLedger(items);
  local.setRecorded(recorded);
  await local.suggest(movements, undefined, movements.length).done;
  const inThreadMs = performance.now() - localStarted;
  const fresh = rows.map((row) => row.suggestions);
  const sample = movements.slice(0, oldSample);
  const oldStarted = performance.now();
  const byPayment = byAmount(recorded);
  const old = sample.map((movement) =>
    withLinks(movement, suggestMatches(movement, items), byPayment),
  );
  const oldMsPerMovement = (performance.now() - oldStarted) / Math.max(1, sample.length);
  const same = JSON.stringify(old) === JSON.stringify(fresh.slice(0, sample.length));
  return { ms, oldMsPerMovement, same, engine, parts: { ...parts, inThreadMs } };
}

/** The next task: React flushes a click's update in a microtask, which runs before it. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Runs a UI action and times it until React has rendered and the browser has laid out the page. */
async function timeAction(action: () => void): Promise<number> {
  const started = performance.now();
  action();
  await nextTask();
  void document.body.offsetHeight;
  return performance.now() - started;
}

function setInputValue(selector: string, value: string): Promise<number> {
  const element = document.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
  if (!element) throw new Error(`No element ${selector}`);
  const prototype = element instanceof HTMLSelectElement ? HTMLSelectElement : HTMLInputElement;
  // The prototype's setter, not element.value: React tracks the element's own value property.
  const descriptor = Object.getOwnPropertyDescriptor(prototype.prototype, 'value');
  return timeAction(() => {
    descriptor?.set?.call(element, value);
    element.dispatchEvent(
      new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
  });
}

/** Types a query one character at a time, as a person does; returns each keystroke's latency. */
async function typeQuery(selector: string, query: string): Promise<number[]> {
  const times: number[] = [];
  for (let length = 1; length <= query.length; length += 1) {
    times.push(await setInputValue(selector, query.slice(0, length)));
  }
  return times;
}

function clickSort(columnId: string): Promise<number> {
  const button = document.querySelector<HTMLButtonElement>(`[data-sort-column="${columnId}"]`);
  if (!button) throw new Error(`No sort button for ${columnId}`);
  return timeAction(() => button.click());
}

/** The client with the most invoices (from the clientId index's keys), for `client_open_ms`. */
async function topClient(): Promise<string> {
  const keys = await getDb().invoices.orderBy('clientId').keys();
  let best = '';
  let bestCount = 0;
  let run = 0;
  for (let i = 0; i < keys.length; i += 1) {
    run = i > 0 && keys[i] === keys[i - 1] ? run + 1 : 1;
    if (run > bestCount) {
      bestCount = run;
      best = keys[i] as string;
    }
  }
  return best;
}

/**
 * The whole ledger's VAT list (`listVatRecovery(db, today)`) timed against the read it replaced,
 * for comparison only: every open invoice whole, every client and legal event, a status for each.
 * `same` says both give the same invoices in the same order.
 */
async function vatList(): Promise<{ ms: number; fullMs: number; rows: number; same: boolean }> {
  const db = getDb();
  const today = todayLocal();
  const started = performance.now();
  const rows = await listVatRecovery(db, today);
  const ms = performance.now() - started;
  const fullStarted = performance.now();
  const open = (lifecycle: string) =>
    db.invoices
      .where('[lifecycle+nextDueDate]')
      .between([lifecycle, Dexie.minKey], [lifecycle, Dexie.maxKey])
      .toArray();
  const [settings, issued, writtenOff, clients, events] = await Promise.all([
    getVatRecoverySettings(db),
    open('issued'),
    open('written_off'),
    db.clients.toArray(),
    db.legalEvents.toArray(),
  ]);
  const clientById = new Map(clients.map((client) => [client.id, client]));
  const eventsOf = new Map<string, typeof events>();
  for (const event of events)
    eventsOf.set(event.clientId, [...(eventsOf.get(event.clientId) ?? []), event]);
  const full = [];
  for (const invoice of [...issued, ...writtenOff]) {
    const client = clientById.get(invoice.clientId);
    if (!client) continue;
    if (invoice.vatRecovery == null && (invoice.outstandingCents <= 0 || invoice.vatCents <= 0)) {
      continue;
    }
    const legalEvents = eventsOf.get(invoice.clientId) ?? [];
    const status = invoiceVatStatus({ invoice, client, settings, legalEvents, today });
    if (vatNeedsAttention(status, today)) full.push({ invoice, status });
  }
  full.sort((a, b) => a.invoice.issueDate.localeCompare(b.invoice.issueDate));
  const fullMs = performance.now() - fullStarted;
  const same =
    JSON.stringify(full.map((row) => [row.invoice.id, row.status])) ===
    JSON.stringify(rows.map((row) => [row.invoice.id, row.status]));
  return { ms, fullMs, rows: rows.length, same };
}

declare global {
  interface Window {
    __ccBench?: {
      vatList: typeof vatList;
      topClient: typeof topClient;
      loadRaw: typeof loadRaw;
      loadRepo: typeof loadRepo;
      aggregate: typeof aggregate;
      reconcile: typeof reconcile;
      setInputValue: typeof setInputValue;
      clickSort: typeof clickSort;
      typeQuery: typeof typeQuery;
    };
  }
}

window.__ccBench = {
  vatList,
  topClient,
  loadRaw,
  loadRepo,
  aggregate,
  reconcile,
  setInputValue,
  clickSort,
  typeQuery,
};
