// Notification preferences: what to notify, when to stay quiet, and how the desktop app runs.
import type { FieldIssue } from './validation';

/** The switches a person can turn off one by one in Ajustes. */
export type NotificationSwitch =
  'dueSoon' | 'dueToday' | 'overdue' | 'installments' | 'promises' | 'followUps';

export const NOTIFICATION_SWITCHES: readonly NotificationSwitch[] = [
  'dueSoon',
  'dueToday',
  'overdue',
  'installments',
  'promises',
  'followUps',
];

/** Local wall-clock time "HH:MM". */
export type ClockTime = string;

export interface QuietHours {
  enabled: boolean;
  start: ClockTime;
  end: ClockTime;
}

export interface NotificationSettings {
  enabled: boolean;
  /** Warn this many days before an invoice falls due (1–30). */
  daysBeforeDue: number;
  quietHours: QuietHours;
  kinds: Record<NotificationSwitch, boolean>;
  /** Desktop only: the hour (0–23) of the daily check. */
  dailyCheckHour: number;
  /** Desktop only: closing the window leaves the app in the tray. */
  keepInTray: boolean;
  /** Desktop only: start hidden in the tray when the person logs in. */
  startAtLogin: boolean;
}

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  enabled: false,
  daysBeforeDue: 3,
  quietHours: { enabled: true, start: '21:00', end: '08:00' },
  kinds: {
    dueSoon: true,
    dueToday: true,
    overdue: true,
    installments: true,
    promises: true,
    followUps: true,
  },
  dailyCheckHour: 9,
  keepInTray: false,
  startAtLogin: false,
};

const CLOCK_SHAPE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isClockTime(value: unknown): value is ClockTime {
  return typeof value === 'string' && CLOCK_SHAPE.test(value);
}

/** Minutes since local midnight of "HH:MM". */
export function minutesOf(time: ClockTime): number {
  const match = CLOCK_SHAPE.exec(time);
  if (!match) throw new RangeError(`Not a clock time (HH:MM): "${time}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Quiet hours may wrap midnight (21:00–08:00); equal start and end mean never quiet. */
export function isQuietAt(quiet: QuietHours, minutes: number): boolean {
  if (!quiet.enabled) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

function isWholeIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

export function validateNotificationSettings(settings: NotificationSettings): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isWholeIn(settings.daysBeforeDue, 1, 30)) {
    issues.push({ field: 'daysBeforeDue', code: 'out_of_range', params: { min: 1, max: 30 } });
  }
  if (!isWholeIn(settings.dailyCheckHour, 0, 23)) {
    issues.push({ field: 'dailyCheckHour', code: 'out_of_range', params: { min: 0, max: 23 } });
  }
  if (!isClockTime(settings.quietHours.start)) {
    issues.push({ field: 'quietHours.start', code: 'required' });
  }
  if (!isClockTime(settings.quietHours.end)) {
    issues.push({ field: 'quietHours.end', code: 'required' });
  }
  return issues;
}

/** Stored values merged over the defaults, so a setting added later gets its default. */
export function withDefaults(
  stored: Partial<NotificationSettings> | undefined,
): NotificationSettings {
  const base = DEFAULT_NOTIFICATION_SETTINGS;
  return {
    ...base,
    ...stored,
    quietHours: { ...base.quietHours, ...stored?.quietHours },
    kinds: { ...base.kinds, ...stored?.kinds },
  };
}
