// OS notifications through Electron: shown on request; a click brings the window forward on its target.
import { Notification, type BrowserWindow } from 'electron';
import { IPC_EVENTS, type NotificationTarget } from '../shared/ipc-channels';

export interface NotifyInput {
  title: string;
  body: string;
  target?: NotificationTarget | undefined;
}

// Notifications must stay referenced until clicked or closed, or the GC drops their click events.
const liveNotifications = new Set<Notification>();

/** Restores, shows and focuses the window (it may be minimized or hidden in the tray). */
export function bringForward(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

export function showNotification(
  getWindow: () => BrowserWindow | null,
  { title, body, target }: NotifyInput,
): { shown: boolean } {
  if (!Notification.isSupported()) return { shown: false };
  const notification = new Notification({ title, body });
  liveNotifications.add(notification);
  notification.on('close', () => liveNotifications.delete(notification));
  notification.on('click', () => {
    liveNotifications.delete(notification);
    const window = getWindow();
    if (!window) return;
    bringForward(window);
    if (target) {
      window.webContents.send(IPC_EVENTS.notificationClicked, target satisfies NotificationTarget);
    }
  });
  notification.show();
  return { shown: true };
}
