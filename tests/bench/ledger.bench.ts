// `npm run bench`: the ledger at 10,000 and 100,000 invoices in headless Chromium; prints a table
// and writes tests/bench/results.json. It measures; it asserts nothing about time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, test, type BrowserContext, type Page } from '@playwright/test';
import { measureSync, SYNC_INVOICES, type SyncFigures } from './sync-bench';
import { BENCH_QUERIES } from '../support/bench-queries';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
/** BENCH_SCREENS_ONLY=1: skip the keystroke, filter, sort and reconcile loops (NaN in the table). */
const SCREENS_ONLY = process.env.BENCH_SCREENS_ONLY === '1';
const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));
/**
 * Above this size the loads run in slices, each its own transaction (both the demo load and the
 * raw baseline, so load/raw compares like with like); BENCH_CHUNKED=1 or 0 forces it either way.
 */
const CHUNKED_ABOVE = 100_000;
const chunkedAt = (size: number): boolean =>
  process.env.BENCH_CHUNKED === undefined
    ? size > CHUNKED_ABOVE
    : process.env.BENCH_CHUNKED === '1';
/** BENCH_RAW=0: no raw IndexedDB baseline (load_raw_ms NaN), for a 1,000,000 run short of time. */
const SKIP_RAW = process.env.BENCH_RAW === '0';
/** How long a wait for the page may take: 120 s up to 100,000 invoices, scaled above. */
const waitFor = (size: number): number => Math.max(120_000, Math.round(size * 1.2));
/** The test's time limit: BENCH_TIMEOUT_MIN, else 15 min up to 100,000 and 3 h at 1,000,000. */
const limitFor = (size: number): number =>
  process.env.BENCH_TIMEOUT_MIN
    ? Number(process.env.BENCH_TIMEOUT_MIN) * 60_000
    : Math.max(15 * 60_000, Math.round((size / 1_000_000) * 180 * 60_000));

let runStarted = Date.now();
/** A progress line with the time since the size's test started, so a stalled run is visible. */
function say(size: number, what: string): void {
  const seconds = ((Date.now() - runStarted) / 1000).toFixed(1);
  console.log(`[${size}] ${seconds} s: ${what}`);
}

const QUERIES = BENCH_QUERIES;
const FILTERS: [string, string][] = [
  ['#ledger-status', 'overdue'],
  ['#ledger-status', 'all'],
  ['#ledger-status', 'open'],
  ['#ledger-status', 'paid'],
  ['#ledger-status', 'all'],
  ['#ledger-bucket', 'd90_plus'],
  ['#ledger-bucket', 'all'],
  ['#ledger-bucket', 'd1_30'],
  ['#ledger-bucket', 'all'],
  ['#ledger-status', 'partial'],
  ['#ledger-status', 'all'],
  ['#ledger-bucket', 'not_due'],
  ['#ledger-bucket', 'all'],
  ['#ledger-status', 'pending'],
  ['#ledger-status', 'all'],
  ['#ledger-bucket', 'd31_60'],
  ['#ledger-bucket', 'all'],
  ['#ledger-status', 'disputed'],
  ['#ledger-status', 'all'],
  ['#ledger-bucket', 'all'],
];
const SORTS = [
  'outstanding',
  'client',
  'issueDate',
  'number',
  'daysOverdue',
  'payable',
  'nextDue',
  'status',
];

type Figures = Record<
  | 'load_ms'
  | 'load_raw_ms'
  | 'open_ms'
  | 'search_p50_ms'
  | 'search_p95_ms'
  | 'sort_ms'
  | 'filter_p95_ms'
  | 'aggregate_ms'
  | 'reconcile_ms'
  | 'heap_mb'
  | ScreenKey,
  number
>;

/* ---- Screens: from the click in the sidebar to the screen's "data complete" mark ---- */

type ScreenKey =
  | 'searchable_ms'
  | 'today_open_ms'
  | 'dashboard_open_ms'
  | 'clients_open_ms'
  | 'plans_open_ms'
  | 'client_open_ms';

/** Leaves for a light screen, so the next click mounts its screen afresh. */
async function leave(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.location.hash = '#/importar';
  });
  await page.waitForSelector('nav a[href="#/importar"][aria-current="page"]');
  await page.waitForTimeout(500);
}

/** Clicks a sidebar link (or follows a hash) and waits for `screen`'s ready mark; ms between. */
async function openScreen(
  page: Page,
  href: string,
  screen: string,
  timeout: number,
): Promise<number> {
  await leave(page);
  const started = await page.evaluate((h) => {
    const link = document.querySelector<HTMLAnchorElement>(`nav a[href="${h}"]`);
    const at = performance.now();
    if (link) link.click();
    else window.location.hash = h;
    return at;
  }, href);
  await page.waitForFunction(
    ([s, at]) => (window.__ccBenchMarks?.readyAt[s] ?? 0) > at,
    [screen, started] as const,
    { timeout },
  );
  return page.evaluate(([s, at]) => window.__ccBenchMarks!.readyAt[s]! - at, [
    screen,
    started,
  ] as const);
}

async function measureScreens(page: Page, size: number): Promise<Record<ScreenKey, number>> {
  const timeout = waitFor(size);
  const open = async (href: string, screen: string): Promise<number> => {
    const ms = await openScreen(page, href, screen, timeout);
    say(size, `${screen} ready in ${ms.toFixed(0)} ms`);
    return ms;
  };
  // Open the ledger, then one search over every invoice: until it has answered.
  const ledgerReady = await open('#/facturas', 'ledger');
  const firstSearch = await page.evaluate(() =>
    window.__ccBench!.setInputValue('#ledger-search', 'gar'),
  );
  await page.evaluate(() => window.__ccBench!.setInputValue('#ledger-search', ''));
  const top = await page.evaluate(() => window.__ccBench!.topClient());
  return {
    searchable_ms: ledgerReady + firstSearch,
    today_open_ms: await open('#/hoy', 'today'),
    dashboard_open_ms: await open('#/panel', 'dashboard'),
    clients_open_ms: await open('#/clientes', 'clients'),
    plans_open_ms: await open('#/planes', 'plans'),
    client_open_ms: await open(`#/clientes/${encodeURIComponent(top)}`, 'client'),
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function waitForBench(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__ccBench !== undefined);
}

async function measureSize(page: Page, invoices: number): Promise<Figures> {
  const timeout = waitFor(invoices);
  const inChunks = chunkedAt(invoices);
  // The page's own progress lines ("[bench] demo load 200000/1000000 ...") and its errors.
  page.on('console', (message) => {
    if (message.text().startsWith('[bench]') || message.type() === 'error') {
      say(invoices, message.text());
    }
  });
  page.on('crash', () => say(invoices, 'the page crashed'));
  await page.goto('/?bench#/ajustes');
  await waitForBench(page);
  say(
    invoices,
    SKIP_RAW ? 'raw load skipped (BENCH_RAW=0)' : `raw load${inChunks ? ' in slices' : ''}`,
  );
  const raw = SKIP_RAW
    ? { ms: Number.NaN }
    : await page.evaluate(([n, c]) => window.__ccBench!.loadRaw(n, c), [
        invoices,
        inChunks,
      ] as const);
  say(invoices, `raw load ${raw.ms.toFixed(0)} ms; demo load`);
  const repo = await page.evaluate(([n, c]) => window.__ccBench!.loadRepo(n, c), [
    invoices,
    inChunks,
  ] as const);
  say(invoices, `demo load ${repo.ms.toFixed(0)} ms (generating ${repo.generateMs.toFixed(0)} ms)`);

  // Open: a fresh page load straight to the ledger, data already stored.
  await page.goto('about:blank');
  await page.goto('/?bench#/facturas');
  await page.waitForSelector('[data-testid="ledger-row"]', { timeout });
  await page.waitForFunction(() => window.__ccBenchMarks?.allRowsAt != null, undefined, {
    timeout,
  });
  const openMs = await page.evaluate(() => window.__ccBenchMarks!.firstRowsAt!);
  say(invoices, `ledger open: first rows ${openMs.toFixed(0)} ms`);
  allRowsMs[String(invoices)] = await page.evaluate(() => window.__ccBenchMarks!.allRowsAt!);
  await waitForBench(page);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  say(invoices, `heap ${(heap.usedSize / 2 ** 20).toFixed(0)} MB; keystrokes, filters, sorts`);

  // Every keystroke of twenty queries typed one character at a time, the box emptied between them.
  const search: number[] = [];
  for (const query of SCREENS_ONLY ? [] : QUERIES) {
    search.push(
      ...(await page.evaluate((q) => window.__ccBench!.typeQuery('#ledger-search', q), query)),
    );
    await page.evaluate(() => window.__ccBench!.setInputValue('#ledger-search', ''));
  }
  const filter: number[] = [];
  for (const [selector, value] of SCREENS_ONLY ? [] : FILTERS) {
    filter.push(
      await page.evaluate(([s, v]) => window.__ccBench!.setInputValue(s, v), [
        selector,
        value,
      ] as const),
    );
  }
  const sort: number[] = [];
  for (const column of SCREENS_ONLY ? [] : SORTS) {
    sort.push(await page.evaluate((c) => window.__ccBench!.clickSort(c), column));
  }
  say(invoices, 'aggregate and reconcile');
  const aggregate = await page.evaluate(() => window.__ccBench!.aggregate());
  say(
    invoices,
    `aggregate median ${aggregate.ms.toFixed(0)} ms, slowest ${aggregate.slowestMs.toFixed(0)} ms`,
  );
  // 1,000 credits; the old per-movement scan on 100 of them (it takes ~35 ms each at 100,000).
  const reconcile = SCREENS_ONLY
    ? { ms: Number.NaN, oldMsPerMovement: Number.NaN, same: true, engine: '-', parts: {} }
    : await page.evaluate(() => window.__ccBench!.reconcile(1000, 100));
  reconcileOld[String(invoices)] = reconcile;
  // engine: 'worker' is the screen's path; 'main' would mean the worker did not start.
  console.log(`reconcile at ${invoices} (${reconcile.engine}): ${JSON.stringify(reconcile.parts)}`);
  const screens = await measureScreens(page, invoices);

  return {
    load_ms: repo.ms,
    load_raw_ms: raw.ms,
    open_ms: openMs,
    search_p50_ms: percentile(search, 50),
    search_p95_ms: percentile(search, 95),
    sort_ms: percentile(sort, 50),
    filter_p95_ms: percentile(filter, 95),
    aggregate_ms: aggregate.ms,
    reconcile_ms: reconcile.ms,
    heap_mb: heap.usedSize / (1024 * 1024),
    ...screens,
  };
}

const results: Record<string, Figures> = {};
/** Printed, not in results.json: when search and filters work over every invoice. */
const allRowsMs: Record<string, number> = {};
/** Printed, not in results.json: the old scan per movement, and whether it suggested the same. */
const reconcileOld: Record<string, { ms: number; oldMsPerMovement: number; same: boolean }> = {};

for (const size of SIZES) {
  test(`the ledger at ${size} invoices`, async ({
    browser,
    launchOptions,
    baseURL,
    locale,
    timezoneId,
    viewport,
  }) => {
    test.setTimeout(limitFor(size));
    runStarted = Date.now();
    // A fresh profile per size: nothing left from the previous load. Above CHUNKED_ABOVE it is a
    // profile on disk: a fresh context is off the record, its IndexedDB lives in the browser's
    // memory under a quota, and a 1,000,000 load failed at about 650,000 invoices (2,3 GB).
    let profile: string | null = null;
    let context: BrowserContext;
    if (chunkedAt(size)) {
      profile = mkdtempSync(join(tmpdir(), 'cc-bench-profile-'));
      context = await chromium.launchPersistentContext(profile, {
        ...launchOptions,
        ...(baseURL ? { baseURL } : {}),
        ...(locale ? { locale } : {}),
        ...(timezoneId ? { timezoneId } : {}),
        viewport,
      });
    } else {
      context = await browser.newContext();
    }
    try {
      const page = await context.newPage();
      results[String(size)] = await measureSize(page, size);
    } finally {
      await context.close();
      if (profile) rmSync(profile, { recursive: true, force: true });
    }
  });
}

/** Sync is measured once per run (at SYNC_INVOICES) and written into every size's entry. */
let syncFigures: SyncFigures | null = null;
if (process.env.BENCH_SYNC !== '0') {
  test(`sync through CouchDB at ${SYNC_INVOICES} invoices`, async ({ browser }) => {
    syncFigures = await measureSync(browser);
  });
}

test.afterAll(() => {
  if (syncFigures) {
    for (const size of Object.keys(results)) Object.assign(results[size]!, syncFigures);
  }
  writeFileSync(RESULTS, `${JSON.stringify({ sizes: results }, null, 2)}\n`);
  const keys = Object.keys(Object.values(results)[0] ?? {}) as (keyof Figures)[];
  const sizes = Object.keys(results);
  const lines = [
    ['measure', ...sizes].map((cell) => cell.padStart(14)).join(''),
    ...keys.map((key) =>
      [key, ...sizes.map((size) => (results[size]?.[key] ?? Number.NaN).toFixed(1))]
        .map((cell) => cell.padStart(14))
        .join(''),
    ),
    ['all_rows_ms', ...sizes.map((size) => (allRowsMs[size] ?? Number.NaN).toFixed(1))]
      .map((cell) => cell.padStart(14))
      .join(''),
    [
      'reconcile_old_ms',
      ...sizes.map((size) =>
        ((reconcileOld[size]?.oldMsPerMovement ?? Number.NaN) * 1000).toFixed(1),
      ),
    ]
      .map((cell) => cell.padStart(14))
      .join(''),
    [
      'old/new',
      ...sizes.map((size) => {
        const row = reconcileOld[size];
        return row
          ? `${((row.oldMsPerMovement * 1000) / row.ms).toFixed(1)}${row.same ? '' : '!'}`
          : '';
      }),
    ]
      .map((cell) => cell.padStart(14))
      .join(''),
    [
      'load/raw',
      ...sizes.map((size) => {
        const figures = results[size];
        return figures ? (figures.load_ms / figures.load_raw_ms).toFixed(2) : '';
      }),
    ]
      .map((cell) => cell.padStart(14))
      .join(''),
  ];
  console.log(`\n${lines.join('\n')}\n(written to ${RESULTS})`);
});
