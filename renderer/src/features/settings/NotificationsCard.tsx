// Ajustes → Avisos: turn notifications on (asking the browser politely), what to notify and when.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { translateIssue, useLanguage, useT, type MessageKey } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { Field } from '../../components/Field';
import { getDb } from '../../db/database';
import { getNotificationSettings, saveNotificationSettings } from '../../db/notifications-repo';
import { getPlatform } from '../../platform';
import type { PermissionState } from '../../platform/platform';
import { isValidationError } from '../../../../shared/domain/validation';
import {
  NOTIFICATION_SWITCHES,
  validateNotificationSettings,
  type NotificationSettings,
  type NotificationSwitch,
} from '../../../../shared/domain/notification-settings';
import { checkNow, syncBackgroundOptions } from '../notifications/use-notification-scheduler';
import '../notifications/notifications.css';
import { StartAtLoginHint } from './StartAtLoginHint';

const SWITCH_LABELS: Record<NotificationSwitch, MessageKey> = {
  dueSoon: 'notify.settings.kind.dueSoon',
  dueToday: 'notify.settings.kind.dueToday',
  overdue: 'notify.settings.kind.overdue',
  installments: 'notify.settings.kind.installments',
  promises: 'notify.settings.kind.promises',
  followUps: 'notify.settings.kind.followUps',
};

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

export function NotificationsCard() {
  const stored = useLiveQuery(() => getNotificationSettings(getDb()), []);
  // The form keeps its own draft from the first stored value; later saves come from it.
  return stored ? <NotificationsForm initial={stored} /> : null;
}

function NotificationsForm({ initial }: { initial: NotificationSettings }) {
  const t = useT();
  const language = useLanguage();
  const showToast = useUiStore((state) => state.showToast);
  const [draft, setDraft] = useState<NotificationSettings>(initial);
  const [daysText, setDaysText] = useState(String(initial.daysBeforeDue));
  const [permission, setPermission] = useState<PermissionState | null>(null);
  const platform = getPlatform();
  const desktop = platform.kind === 'electron';

  const issues = validateNotificationSettings(draft);
  const errorOf = (field: string): string | undefined => {
    const issue = issues.find((item) => item.field === field);
    return issue ? translateIssue(language, issue) : undefined;
  };

  async function save(next: NotificationSettings): Promise<void> {
    setDraft(next);
    if (validateNotificationSettings(next).length > 0) return;
    try {
      await saveNotificationSettings(getDb(), next);
      await syncBackgroundOptions();
      if (next.enabled) {
        // What this check creates is said now: a later "Comprobar ahora" finds it already notified.
        const { shown } = await checkNow();
        if (shown > 0)
          showToast({ tone: 'success', message: t('notify.settings.checked', { count: shown }) });
      }
    } catch (error) {
      if (isValidationError(error)) return;
      showToast({ tone: 'error', message: t('error.generic', { message: String(error) }) });
    }
  }

  async function toggleEnabled(enabled: boolean): Promise<void> {
    // Saved first, so the notification centre says "on" at once, even while the browser's
    // question is still open; the browser asks only now, because the person has just asked.
    await save({ ...draft, enabled });
    if (enabled) setPermission(await platform.requestNotificationPermission());
  }

  const current = draft;
  return (
    <div className="card notify-settings" data-testid="notifications-card">
      <h2>{t('notify.settings.title')}</h2>
      <p className="screen__lead">{t('notify.settings.intro')}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={current.enabled}
          onChange={(event) => void toggleEnabled(event.target.checked)}
        />{' '}
        {t('notify.settings.enabled')}
      </label>
      {current.enabled && permission === 'denied' && (
        <div className="alert alert--warning" role="status">
          {t('notify.settings.denied')}
        </div>
      )}
      {current.enabled && permission === 'unsupported' && (
        <div className="alert alert--info" role="status">
          {t('notify.settings.unsupported')}
        </div>
      )}
      <fieldset className="form-grid" disabled={!current.enabled}>
        <Field label={t('notify.settings.daysBefore')} error={errorOf('daysBeforeDue')}>
          <input
            className="input"
            type="number"
            min={1}
            max={30}
            value={daysText}
            onChange={(event) => {
              setDaysText(event.target.value);
              const days = event.target.value.trim() === '' ? NaN : Number(event.target.value);
              void save({ ...current, daysBeforeDue: days });
            }}
          />
        </Field>
        <div className="field field--wide">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={current.quietHours.enabled}
              onChange={(event) =>
                void save({
                  ...current,
                  quietHours: { ...current.quietHours, enabled: event.target.checked },
                })
              }
            />{' '}
            {t('notify.settings.quiet')}
          </label>
        </div>
        <Field label={t('notify.settings.quietFrom')} error={errorOf('quietHours.start')}>
          <input
            className="input"
            type="time"
            disabled={!current.quietHours.enabled}
            value={current.quietHours.start}
            onChange={(event) =>
              void save({
                ...current,
                quietHours: { ...current.quietHours, start: event.target.value },
              })
            }
          />
        </Field>
        <Field
          label={t('notify.settings.quietTo')}
          error={errorOf('quietHours.end')}
          hint={t('notify.settings.quietHint')}
        >
          <input
            className="input"
            type="time"
            disabled={!current.quietHours.enabled}
            value={current.quietHours.end}
            onChange={(event) =>
              void save({
                ...current,
                quietHours: { ...current.quietHours, end: event.target.value },
              })
            }
          />
        </Field>
        <fieldset className="notify-kinds">
          <legend>{t('notify.settings.kinds')}</legend>
          {NOTIFICATION_SWITCHES.map((key) => (
            <label key={key} className="checkbox">
              <input
                type="checkbox"
                checked={current.kinds[key]}
                onChange={(event) =>
                  void save({
                    ...current,
                    kinds: { ...current.kinds, [key]: event.target.checked },
                  })
                }
              />{' '}
              {t(SWITCH_LABELS[key])}
            </label>
          ))}
        </fieldset>
      </fieldset>
      {current.enabled && (
        <div className="toolbar">
          <button
            type="button"
            className="button"
            onClick={() => {
              checkNow()
                .then(({ shown }) =>
                  showToast({
                    tone: 'success',
                    message:
                      shown > 0
                        ? t('notify.settings.checked', { count: shown })
                        : t('notify.settings.checkedNone'),
                  }),
                )
                .catch((error: unknown) =>
                  showToast({
                    tone: 'error',
                    message: t('error.generic', { message: String(error) }),
                  }),
                );
            }}
          >
            {t('notify.settings.checkNow')}
          </button>
        </div>
      )}
      <h3>{t('notify.settings.desktop')}</h3>
      {!desktop && <p className="screen__lead">{t('notify.settings.desktopOnly')}</p>}
      <fieldset className="form-grid" disabled={!desktop}>
        <Field label={t('notify.settings.dailyHour')}>
          <select
            className="input"
            value={current.dailyCheckHour}
            onChange={(event) =>
              void save({ ...current, dailyCheckHour: Number(event.target.value) })
            }
          >
            {HOURS.map((hour) => (
              <option key={hour} value={hour}>{`${String(hour).padStart(2, '0')}:00`}</option>
            ))}
          </select>
        </Field>
        <div className="field field--wide">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={current.keepInTray}
              onChange={(event) => void save({ ...current, keepInTray: event.target.checked })}
            />{' '}
            {t('notify.settings.keepInTray')}
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={current.startAtLogin}
              onChange={(event) => void save({ ...current, startAtLogin: event.target.checked })}
            />{' '}
            {t('notify.settings.startAtLogin')}
          </label>
          <StartAtLoginHint />
        </div>
      </fieldset>
    </div>
  );
}
