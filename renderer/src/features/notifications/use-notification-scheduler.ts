// Runs the notification check at start, every few minutes and when the platform asks; mounted once.
import { useEffect } from 'react';
import { getDb, isDemoDatabase } from '../../db/database';
import { getNotificationSettings } from '../../db/notifications-repo';
import { getPlatform } from '../../platform';
import { runCheck, type CheckOutcome } from './run-check';
import { openTarget } from './open-target';

/** Often enough that "due today" arrives in the morning; cheap, since it reads an index range. */
export const CHECK_INTERVAL_MS = 5 * 60_000;

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
    const stopChecks = platform.onCheckRequested(check);
    const stopClicks = platform.onNotificationClick((target) => {
      openTarget(target).catch(() => undefined);
    });
    return () => {
      clearInterval(timer);
      stopChecks();
      stopClicks();
    };
  }, []);
}
