// The bell and the in-app notification centre: the last 50 notifications, unread first to the eye.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import { navigate } from '../../app/router';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { getDb } from '../../db/database';
import {
  CENTRE_SIZE,
  getNotificationSettings,
  listRecentNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '../../db/notifications-repo';
import type { NotificationRecord } from '../../../../shared/domain/records';
import { openTarget } from './open-target';
import './notifications.css';

function CentreItem({ item, onOpen }: { item: NotificationRecord; onOpen: () => void }) {
  const t = useT();
  const { locale } = useFormat();
  const when = new Date(item.firedAt).toLocaleString(locale, {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return (
    <li className={item.readAt === null ? 'notice notice--unread' : 'notice'}>
      <button type="button" className="notice__button" onClick={onOpen}>
        <span className="notice__title">
          {item.title}
          {item.readAt === null && (
            <span className="badge badge--overdue">{t('notify.centre.new')}</span>
          )}
        </span>
        <span className="notice__body">{item.body}</span>
        <span className="notice__when">{when}</span>
      </button>
    </li>
  );
}

function Centre({ items, onClose }: { items: NotificationRecord[]; onClose: () => void }) {
  const t = useT();
  const settings = useLiveQuery(() => getNotificationSettings(getDb()), []);
  const open = (item: NotificationRecord) => {
    onClose();
    markNotificationRead(getDb(), item.id, new Date().toISOString()).catch(() => undefined);
    openTarget(item.target).catch(() => undefined);
  };
  const goToSettings = () => {
    onClose();
    navigate({ screen: 'settings' });
  };
  return (
    <Dialog title={t('notify.centre.title')} onClose={onClose} testId="notification-centre">
      {settings && !settings.enabled && (
        <div className="alert alert--info" role="note">
          {t('notify.centre.off')}{' '}
          <button type="button" className="button button--link" onClick={goToSettings}>
            {t('notify.centre.openSettings')}
          </button>
        </div>
      )}
      {items.length === 0 ? (
        <EmptyState title={t('notify.centre.empty')} body={t('notify.centre.emptyBody')} />
      ) : (
        <>
          <div className="toolbar">
            <button
              type="button"
              className="button"
              disabled={items.every((item) => item.readAt !== null)}
              onClick={() => {
                markAllNotificationsRead(getDb(), new Date().toISOString()).catch(() => undefined);
              }}
            >
              {t('notify.centre.markAll')}
            </button>
          </div>
          <ul className="notice-list" aria-label={t('notify.centre.title')}>
            {items.map((item) => (
              <CentreItem key={item.id} item={item} onOpen={() => open(item)} />
            ))}
          </ul>
          {items.length >= CENTRE_SIZE && (
            <p className="screen__lead">{t('notify.centre.last', { count: CENTRE_SIZE })}</p>
          )}
        </>
      )}
    </Dialog>
  );
}

/** The bell with the unread count; opens the centre. */
export function NotificationBell() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const items = useLiveQuery(() => listRecentNotifications(getDb()), []) ?? [];
  const unread = items.filter((item) => item.readAt === null).length;
  const label =
    unread > 0
      ? `${t('notify.centre.button')}, ${t('notify.centre.unread', { count: unread })}`
      : t('notify.centre.button');
  return (
    <>
      <button
        type="button"
        className="bell"
        aria-label={label}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        data-testid="notification-bell"
      >
        <svg className="bell__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {t('notify.centre.button')}
        {unread > 0 && (
          <span className="bell__count" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
      {open && <Centre items={items} onClose={() => setOpen(false)} />}
    </>
  );
}
