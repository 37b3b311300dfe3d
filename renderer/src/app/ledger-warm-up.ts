// What the app makes ahead while the user is busy elsewhere, step by step: the ledger's model in
// memory and every invoice of it built, then what the first open of Hoy and the Panel would wait
// for (the risk summaries, the VAT rows, Hoy's list, the Panel's joined collections and figures),
// each kept for the revision and day it came from, so those screens open at once. Each step waits
// for the screens' own reads and for the user to stop typing (screen-reads.ts); a write in between
// makes a new revision, and the screen then makes its own again, as without the warm-up.
import type { CalendarDate } from '../../../shared/domain/dates';
import type { CuentasDatabase } from '../db/database';
import { getWorklist } from '../db/collections-queries';
import { loadDashboardInputs } from '../db/ledger-queries';
import { readMirror, warmLedgerMirror } from '../db/ledger-mirror';
import { buildInSlices } from '../db/mirror-entries';
import { warmPanelPieces } from '../db/panel-pieces';
import { warmRiskSummaries } from '../db/mirror-histories';
import { whenScreensQuiet } from '../db/screen-reads';
import { loadVatList } from '../db/vat-lists';
import { dashboardFigures } from '../features/dashboard/dashboard-cache';

/** A turn for the page (a keystroke, a paint) between slices of one step. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The steps, in order; `quiet` waits between them (whenScreensQuiet in the app). */
export async function warmUpLedger(
  db: CuentasDatabase,
  today: () => CalendarDate,
  quiet: () => Promise<void> = whenScreensQuiet,
): Promise<void> {
  const read = await warmLedgerMirror(db);
  if (!read) return;
  await quiet();
  // A screen asks for only the invoices it shows (Hoy the open ones): the rest built here.
  await buildInSlices(read.invoices.values(), nextTask);
  await quiet();
  await warmRiskSummaries(db);
  await quiet();
  await loadVatList(db, today());
  await quiet();
  await getWorklist(db, today(), nextTask);
  await quiet();
  // The Panel's collections joined a range of clients at a time, then its inputs read (the join
  // copies those ranges) and its figures kept.
  const mirror = await readMirror(db, { money: true });
  if (mirror) await warmPanelPieces(mirror, quiet);
  dashboardFigures(await loadDashboardInputs(db), today());
}
