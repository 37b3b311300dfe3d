// Runs the notification check at start, every few minutes and when the platform asks; mounted once.
import { useEffect } from 'react';
import { liveQuery } from 'dexie';
import { getDb, isDemoDatabase } from '../../db/database';
import { getNotificationSettings } from '../../db/notifications-repo';
import { getPlatform } from '../../platform';
import { runCheck, type CheckOutcome } from './run-check';
import { openTarget } from './open-target';

/** Often enough that "due today" arrives in the morning; cheap, since it reads an index range. */
export const CHECK_INTERVAL_MS = 5 * 60_000;
/** After a write (a promise, a payment, Ajustes), the check runs once things settle. */
export const CHECK_AFTER_WRITE_MS = 1_500;

let running: Promise<CheckOutcome> | null = null;

/**
 * One check at a time: a tick landing during a check joins it instead of racing it. Sample data
 * never raises a desktop notification (demonstration mode).
 */
export function checkNow(): Promise<CheckOutcome> {
  if (isDemoDatabase()) return Promise.resolve({ shown: 0, deferred: 0 });
  running ??= runCheck(getDb(), getPlatform()).finally(() => {
    running = null;
  });
  return running;
}

/** Sends the desktop-only options to the main process (a no-op in web mode and in the demonstration). */
export async function syncBackgroundOptions(): Promise<void> {
  if (isDemoDatabase()) return;
  const settings = await getNotificationSettings(getDb());
  await getPlatform().setBackgroundOptions({
    keepInTray: settings.keepInTray,
    startAtLogin: settings.startAtLogin,
    dailyCheckHour: settings.dailyCheckHour,
  });
}

/** The app shell remounts when the active database changes, so this re-decides on a switch. */
export function useNotificationScheduler(): void {
  useEffect(() => {
    if (isDemoDatabase()) return undefined;
    const platform = getPlatform();
    const check = () => {
      checkNow().catch((error: unknown) => console.error('Comprobación de avisos fallida:', error));
    };
    check();
    syncBackgroundOptions().catch(() => undefined);
    const timer = setInterval(check, CHECK_INTERVAL_MS);
    // Every write leaves an audit entry: a new one means something may now be worth a
    // notification, so the centre shows it without waiting for the next tick or a restart.
    let lastSeq: number | undefined;
    let soon: ReturnType<typeof setTimeout> | undefined;
    const writes = liveQuery(() => getDb().audit.orderBy('seq').lastKey()).subscribe({
      next: (seq) => {
        const first = lastSeq === undefined;
        const changed = seq !== lastSeq;
        lastSeq = typeof seq === 'number' ? seq : -1;
        if (first || !changed) return;
        clearTimeout(soon);
        soon = setTimeout(check, CHECK_AFTER_WRITE_MS);
      },
      error: () => undefined,
    });
    const stopChecks = platform.onCheckRequested(check);
    const stopClicks = platform.onNotificationClick((target) => {
      openTarget(target).catch(() => undefined);
    });
    return () => {
      clearInterval(timer);
      clearTimeout(soon);
      writes.unsubscribe();
      stopChecks();
      stopClicks();
    };
  }, []);
}
