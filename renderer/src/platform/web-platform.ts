// The browser fallback: a Blob download, an <input type=file>, and Web Notifications.
import { mailtoUrl } from '../../../shared/mailto';
import type {
  ComposeEmailRequest,
  FileFilter,
  NotificationTarget,
  OpenedFile,
  PermissionState,
  Platform,
  SaveFileRequest,
} from './platform';
import { PlatformError } from './platform';

function saveWithDownload({ suggestedName, content }: SaveFileRequest): Promise<boolean> {
  const blob = new Blob([typeof content === 'string' ? content : new Uint8Array(content)]);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return Promise.resolve(true);
}

function openWithInput(filters?: FileFilter[]): Promise<OpenedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = (filters ?? [])
      .flatMap((filter) => filter.extensions.map((ext) => `.${ext}`))
      .join(',');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) {
        resolve(null);
        return;
      }
      file
        .arrayBuffer()
        .then((buffer) => resolve({ name: file.name, content: new Uint8Array(buffer) }))
        .catch(reject);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

const clickListeners = new Set<(target: NotificationTarget) => void>();

function notifyWithWebApi({
  title,
  body,
  target,
}: {
  title: string;
  body: string;
  target?: NotificationTarget;
}): Promise<boolean> {
  // Permission is asked only when the person turns notifications on (requestPermission below).
  if (!('Notification' in window) || Notification.permission !== 'granted') {
    return Promise.resolve(false);
  }
  const notification = new Notification(title, { body });
  if (target) {
    notification.onclick = () => {
      window.focus();
      clickListeners.forEach((listener) => listener(target));
    };
  }
  return Promise.resolve(true);
}

async function requestPermission(): Promise<PermissionState> {
  if (!('Notification' in window)) return 'unsupported';
  const permission =
    Notification.permission === 'default'
      ? await Notification.requestPermission()
      : Notification.permission;
  return permission === 'granted' ? 'granted' : 'denied';
}

/** The browser hands a mailto: link to the default mail client. */
function composeWithMailto(request: ComposeEmailRequest): Promise<boolean> {
  window.location.href = mailtoUrl(request);
  return Promise.resolve(true);
}

export function createWebPlatform(): Platform {
  return {
    composeEmail: composeWithMailto,
    kind: 'web',
    appInfo: () => Promise.resolve({ version: __APP_VERSION__, platform: 'web' }),
    saveFile: saveWithDownload,
    openFile: openWithInput,
    notify: notifyWithWebApi,
    onNotificationClick(listener) {
      clickListeners.add(listener);
      return () => clickListeners.delete(listener);
    },
    // A browser has no log file: the renderer keeps recent errors itself (app/error-log.ts).
    writeLog: () => Promise.resolve(false),
    openLog: () => Promise.resolve(null),
    requestNotificationPermission: requestPermission,
    onCheckRequested(listener) {
      // A browser tab has no tray or power events: check when the tab comes back into view.
      const onVisible = () => {
        if (document.visibilityState === 'visible') listener('resume');
      };
      document.addEventListener('visibilitychange', onVisible);
      return () => document.removeEventListener('visibilitychange', onVisible);
    },
    setTrayStatus: () => Promise.resolve(false),
    setBackgroundOptions: () => Promise.resolve(false),
    // The certificate is read and used only in the desktop app's main process.
    signPdf: () =>
      Promise.reject(
        new PlatformError('needs_desktop', 'Signing with a certificate needs the desktop app.'),
      ),
    // A browser has no backup folder: Ajustes offers the manual download instead.
    autoBackupStatus: () => Promise.resolve(null),
    writeAutoBackup: () => Promise.resolve(false),
    readAutoBackup: () =>
      Promise.reject(new PlatformError('needs_desktop', 'Automatic backups need the desktop app.')),
    chooseBackupFolder: () => Promise.resolve(null),
    onBackupDue: () => () => undefined,
    // A browser cannot be asked by the OS to open a file.
    onBackupFileOpened: () => () => undefined,
  };
}
