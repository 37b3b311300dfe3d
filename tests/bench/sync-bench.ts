// Sync through CouchDB for `npm run bench` (issue 15): pouchdb-server in memory on a free port, two
// browser contexts as two devices. sync_initial_ms: the first full sync of a 10,000-invoice ledger
// to an empty second device; sync_change_ms: one edit on A until B shows it (A pushes right after
// the edit and B pulls right away: the runner's 0,3 s after a change and 3 s poll are not in it).
import type { Browser, Page } from '@playwright/test';
import { COUCH_MEMBER, startCouchServer } from '../support/couch-server';

export const SYNC_INVOICES = 10_000;

interface Target {
  url: string;
  database: string;
  user: string;
  password: string;
}

// What the page exposes with ?bench (renderer/src/features/sync/sync-bench-hooks.ts).
declare global {
  interface Window {
    __ccSyncBench?: {
      seedAndPush(
        target: Target,
        invoices: number,
      ): Promise<{ loadMs: number; pushMs: number; docs: number }>;
      firstSync(target: Target): Promise<{ ms: number; serverMs: number; invoices: number }>;
      editAndPush(target: Target, phone: string): Promise<{ clientId: string }>;
      pullAndRead(target: Target, clientId: string): Promise<string | null>;
    };
  }
}

export interface SyncFigures {
  sync_initial_ms: number;
  sync_change_ms: number;
}

async function deviceIn(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/?bench#/importar');
  await page.waitForFunction(() => window.__ccSyncBench !== undefined, undefined, {
    timeout: 60_000,
  });
  return page;
}

export async function measureSync(browser: Browser): Promise<SyncFigures> {
  const database = 'bench-sync';
  const server = await startCouchServer({ database });
  const target = { url: server.url, database, ...COUCH_MEMBER };
  const a = await deviceIn(browser);
  const b = await deviceIn(browser);
  try {
    const seeded = await a.evaluate(([t, n]) => window.__ccSyncBench!.seedAndPush(t, n), [
      target,
      SYNC_INVOICES,
    ] as const);
    const first = await b.evaluate((t) => window.__ccSyncBench!.firstSync(t), target);
    if (first.invoices !== SYNC_INVOICES) {
      throw new Error(`device B has ${first.invoices} invoices after its first sync`);
    }
    // One edit on A until B shows it; the best of three (the server is shared with nothing else).
    const changes: number[] = [];
    for (let round = 1; round <= 3; round += 1) {
      const phone = `600 000 00${round}`;
      const started = performance.now();
      const { clientId } = await a.evaluate(([t, p]) => window.__ccSyncBench!.editAndPush(t, p), [
        target,
        phone,
      ] as const);
      for (;;) {
        const seen = await b.evaluate(([t, id]) => window.__ccSyncBench!.pullAndRead(t, id), [
          target,
          clientId,
        ] as const);
        if (seen === phone) break;
        if (performance.now() - started > 60_000) throw new Error('the edit never reached B');
      }
      changes.push(performance.now() - started);
    }
    console.log(
      `sync: ${seeded.docs} documents; A loads in ${seeded.loadMs.toFixed(0)} ms, pushes in ${seeded.pushMs.toFixed(0)} ms; B's first sync ${first.ms.toFixed(0)} ms (${first.serverMs.toFixed(0)} ms of it waiting for the server); one edit A → B ${changes.map((ms) => ms.toFixed(0)).join(' / ')} ms`,
    );
    return { sync_initial_ms: first.ms, sync_change_ms: Math.min(...changes) };
  } finally {
    await a.context().close();
    await b.context().close();
    await server.stop();
  }
}
