import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  isQuietAt,
  validateNotificationSettings,
  withDefaults,
} from '../../../../shared/domain/notification-settings';

describe('notification settings', () => {
  it('quiet hours that wrap midnight cover the night and end at the end minute', () => {
    const quiet = { enabled: true, start: '21:00', end: '08:00' };
    expect(isQuietAt(quiet, 20 * 60 + 59)).toBe(false);
    expect(isQuietAt(quiet, 21 * 60)).toBe(true);
    expect(isQuietAt(quiet, 3 * 60)).toBe(true);
    expect(isQuietAt(quiet, 8 * 60)).toBe(false);
  });

  it('quiet hours within one day, disabled, or empty are handled', () => {
    expect(isQuietAt({ enabled: true, start: '13:00', end: '15:00' }, 14 * 60)).toBe(true);
    expect(isQuietAt({ enabled: true, start: '13:00', end: '15:00' }, 16 * 60)).toBe(false);
    expect(isQuietAt({ enabled: false, start: '00:00', end: '23:59' }, 60)).toBe(false);
    expect(isQuietAt({ enabled: true, start: '10:00', end: '10:00' }, 10 * 60)).toBe(false);
  });

  it('rejects days, hours and times out of range, naming the field', () => {
    const issues = validateNotificationSettings({
      ...DEFAULT_NOTIFICATION_SETTINGS,
      daysBeforeDue: 0,
      dailyCheckHour: 24,
      quietHours: { enabled: true, start: '25:00', end: '8' },
    });
    expect(issues.map((i) => `${i.field}:${i.code}`)).toEqual([
      'daysBeforeDue:out_of_range',
      'dailyCheckHour:out_of_range',
      'quietHours.start:required',
      'quietHours.end:required',
    ]);
    expect(validateNotificationSettings(DEFAULT_NOTIFICATION_SETTINGS)).toEqual([]);
  });

  it('fills settings stored by an older version with the defaults', () => {
    const merged = withDefaults({ enabled: true, kinds: { dueSoon: false } as never });
    expect(merged.enabled).toBe(true);
    expect(merged.kinds.dueSoon).toBe(false);
    expect(merged.kinds.overdue).toBe(true);
    expect(merged.daysBeforeDue).toBe(3);
  });
});
