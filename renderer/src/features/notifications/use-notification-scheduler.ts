// Runs the notification check at start, every few minutes and when the platform asks; mounted once.
import { useEffect } from 'react';
import { getDb } from '../../db/database';
import { getNotificationSettings } from '../../db/notifications-repo';
import { getPlatform } from '../../platform';
import { runCheck, type CheckOutcome } from './run-check';
import { openTarget } from './open-target';

/** Often enough that "due today" arrives in the morning; cheap, since it reads an index range. */
export const CHECK_INTERVAL_MS = 5 * 60_000;

let running: Promise<CheckOutcome> | null = null;

/** One check at a time: a tick landing during a check joins it instead of racing it. */
export function checkNow(): Promise<CheckOutcome> {
  running ??= runCheck(getDb(), getPlatform()).finally(() => {
    running = null;
  });
  return running;
}

/** Sends the desktop-only options to the main process (a no-op in web mode). */
export async function syncBackgroundOptions(): Promise<void> {
  const settings = await getNotificationSettings(getDb());
  await getPlatform().setBackgroundOptions({
    keepInTray: settings.keepInTray,
    startAtLogin: settings.startAtLogin,
    dailyCheckHour: settings.dailyCheckHour,
  });
}

export function useNotificationScheduler(): void {
  useEffect(() => {
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
