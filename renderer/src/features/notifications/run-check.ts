// One notification check: read the data, ask the engine, record what is new, show it, update the tray.
import type { CuentasDatabase } from '../../db/database';
import {
  getNotificationSettings,
  loadEngineInput,
  pruneNotifications,
  recordNotifications,
} from '../../db/notifications-repo';
import { getPreferences } from '../../db/settings-repo';
import { refreshPlans } from '../../db/plans-repo';
import { enginePrescriptions } from '../../db/legal-repo';
import { engineVatRecovery } from '../../db/vat-recovery-repo';
import { overdueSummary, planNotifications } from '../../../../shared/domain/notification-engine';
import { todayLocal } from '../../../../shared/domain/dates';
import { formatEuros } from '../../../../shared/domain/money';
import { localeOf, translate } from '../../i18n';
import type { Platform } from '../../platform';
import { composeForRecord } from './compose';

export interface CheckOutcome {
  shown: number;
  deferred: number;
}

/** Reads the clock once, at this edge; everything below takes the instant as a value. */
export async function runCheck(
  db: CuentasDatabase,
  platform: Platform,
  clock: Date = new Date(),
): Promise<CheckOutcome> {
  const [settings, { language }] = await Promise.all([
    getNotificationSettings(db),
    getPreferences(db),
  ]);
  const now = {
    instant: clock.toISOString(),
    date: todayLocal(clock),
    minutes: clock.getHours() * 60 + clock.getMinutes(),
  };
  // Plans break by the calendar too: re-evaluate them first so missed installments count today.
  await refreshPlans(db, now.date);
  // Old records the engine can never produce again are forgotten; the table stays small.
  await pruneNotifications(db, now.date);
  const input = {
    ...(await loadEngineInput(db, settings, now)),
    prescriptions: await enginePrescriptions(db, now.date),
    vatRecovery: await engineVatRecovery(db, now.date),
  };

  const overdue = overdueSummary(input.invoices, now.date);
  const locale = localeOf(language);
  platform
    .setTrayStatus({
      overdueCount: overdue.count,
      tooltip:
        overdue.count === 0
          ? translate(language, 'notify.tray.tooltipNone')
          : translate(language, 'notify.tray.tooltip', {
              count: overdue.count,
              amount: formatEuros(overdue.cents, locale),
            }),
      labels: {
        open: translate(language, 'notify.tray.open'),
        checkNow: translate(language, 'notify.tray.checkNow'),
        quit: translate(language, 'notify.tray.quit'),
      },
    })
    .catch(() => undefined);

  const plan = planNotifications(input);
  if (plan.notifications.length === 0) return { shown: 0, deferred: plan.deferred };
  const items = plan.notifications.map((planned) => composeForRecord(planned, language));
  // Recorded first: if showing fails or the app closes, the event still counts as notified.
  const recorded = await recordNotifications(db, items, now.instant);
  for (const record of recorded) {
    await platform
      .notify({
        title: record.title,
        body: record.body,
        ...(record.target ? { target: record.target } : {}),
      })
      .catch(() => false);
  }
  return { shown: recorded.length, deferred: plan.deferred };
}
