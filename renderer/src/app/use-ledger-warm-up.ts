// Reads the ledger's model into memory a moment after the app opened, so the first screen that
// needs every invoice (Panel, Clientes, Hoy, the ledger's search) finds it there, then Hoy's risk
// summaries. Not at once: IndexedDB answers a screen's small first read behind a large one (see
// LedgerScreen), and the screen that opened first usually reads the model itself (then this finds
// it already read).
import { useEffect } from 'react';
import { getDb } from '../db/database';
import { warmLedgerMirror } from '../db/ledger-mirror';
import { warmRiskSummaries } from '../db/mirror-histories';

const WARM_UP_AFTER_MS = 2_000;

export function useLedgerWarmUp(): void {
  useEffect(() => {
    const handle = window.setTimeout(() => {
      const db = getDb();
      void warmLedgerMirror(db)
        .then((mirror) => mirror && warmRiskSummaries(db))
        .catch(() => undefined);
    }, WARM_UP_AFTER_MS);
    return () => window.clearTimeout(handle);
  }, []);
}
