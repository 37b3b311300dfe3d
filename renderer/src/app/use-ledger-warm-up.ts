// Reads the ledger's model into memory a moment after the app opened, so the first screen that
// needs every invoice (Panel, Clientes, Hoy, the ledger's search) finds it there, then makes what
// the first open of Hoy and the Panel would wait for: the risk summaries and the VAT rows (5.000
// whole invoices read at 100.000: a second). Not at once: IndexedDB answers a screen's small first
// read behind a large one (see LedgerScreen), and the screen that opened first usually reads the
// model itself (then this finds it already read); each step waits for the screens' own reads and
// for the user to stop typing (screen-reads.ts).
import { useEffect } from 'react';
import { todayLocal } from '../../../shared/domain/dates';
import type { CuentasDatabase } from '../db/database';
import { getDb } from '../db/database';
import { warmLedgerMirror } from '../db/ledger-mirror';
import { warmRiskSummaries } from '../db/mirror-histories';
import { whenScreensQuiet } from '../db/screen-reads';
import { loadVatList } from '../db/vat-lists';

const WARM_UP_AFTER_MS = 2_000;

async function warmUp(db: CuentasDatabase): Promise<void> {
  if (!(await warmLedgerMirror(db))) return;
  await whenScreensQuiet();
  await warmRiskSummaries(db);
  await whenScreensQuiet();
  await loadVatList(db, todayLocal());
}

export function useLedgerWarmUp(): void {
  useEffect(() => {
    const handle = window.setTimeout(
      () => void warmUp(getDb()).catch(() => undefined),
      WARM_UP_AFTER_MS,
    );
    return () => window.clearTimeout(handle);
  }, []);
}
