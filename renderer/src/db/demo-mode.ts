// Demonstration mode: sample data loads into its own database, so the user's ledger is never
// touched; leaving returns to the user's database as it was and deletes the sample one.
import {
  activateDatabase,
  DEFAULT_DATABASE_NAME,
  DEMO_DATABASE_NAME,
  getDb,
  isDemoDatabase,
  openDatabase,
  type CuentasDatabase,
} from './database';
import { loadDemoData, type DemoLoadResult } from './demo-loader';
import { loadDemoDataInChunks, type ChunkedLoadOptions } from './demo-loader-chunks';

export interface StartDemoOptions extends Omit<ChunkedLoadOptions, 'replace'> {
  /**
   * Many transactions instead of one (a million invoices; the bench): the sample database is
   * emptied if a step fails, and only a complete load becomes the active database.
   */
  inChunks?: boolean;
}

/** The app root re-renders on a switch; a task later no view reads the previous database. */
function viewsMoved(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `work` on the user's own database, also in demonstration mode (then on a short-lived connection). */
export async function withUserDb<T>(work: (db: CuentasDatabase) => Promise<T>): Promise<T> {
  if (!isDemoDatabase()) return work(getDb());
  const db = openDatabase(DEFAULT_DATABASE_NAME);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/**
 * Fills the sample database (emptied first) and makes it the active one. The user's settings are
 * copied in (their business on the letters, their language); their database is only read.
 */
export async function startDemo(
  options: StartDemoOptions,
): Promise<DemoLoadResult & { generateMs?: number }> {
  const settings = await withUserDb((db) => db.settings.toArray());
  const demo = isDemoDatabase() ? getDb() : openDatabase(DEMO_DATABASE_NAME);
  await demo.settings.bulkPut(settings);
  const { inChunks, ...load } = options;
  const result = inChunks
    ? await loadDemoDataInChunks(demo, { ...load, replace: true })
    : await loadDemoData(demo, { ...load, replace: true });
  const previous = activateDatabase(demo);
  await viewsMoved();
  // The user's database stays as it is on disk; only this connection to it ends.
  previous?.close();
  return result;
}

/** Back to the user's database; the sample one is deleted once the views have left it. */
export async function leaveDemo(): Promise<void> {
  if (!isDemoDatabase()) return;
  const demo = activateDatabase(openDatabase(DEFAULT_DATABASE_NAME));
  await viewsMoved();
  await demo?.delete();
}
