// Starts the warm-up (ledger-warm-up.ts) a moment after the app opened: IndexedDB answers a
// screen's small first read behind a large one (see LedgerScreen), and the screen that opened first
// usually reads the model itself (then the warm-up finds it already read).
import { useEffect } from 'react';
import { todayLocal } from '../../../shared/domain/dates';
import { getDb } from '../db/database';
import { warmUpLedger } from './ledger-warm-up';

const WARM_UP_AFTER_MS = 2_000;

export function useLedgerWarmUp(): void {
  useEffect(() => {
    const handle = window.setTimeout(
      () => void warmUpLedger(getDb(), todayLocal).catch(() => undefined),
      WARM_UP_AFTER_MS,
    );
    return () => window.clearTimeout(handle);
  }, []);
}
