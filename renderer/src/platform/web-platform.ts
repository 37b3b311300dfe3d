// The browser fallback: a Blob download, an <input type=file>, and Web Notifications.
import type {
  FileFilter,
  NotificationTarget,
  OpenedFile,
  Platform,
  SaveFileRequest,
} from './platform';

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

async function notifyWithWebApi({
  title,
  body,
  target,
}: {
  title: string;
  body: string;
  target?: NotificationTarget;
}) {
  if (!('Notification' in window)) return false;
  let permission = Notification.permission;
  if (permission === 'default') permission = await Notification.requestPermission();
  if (permission !== 'granted') return false;
  const notification = new Notification(title, { body });
  if (target) {
    notification.onclick = () => {
      window.focus();
      clickListeners.forEach((listener) => listener(target));
    };
  }
  return true;
}

export function createWebPlatform(): Platform {
  return {
    kind: 'web',
    appInfo: () => Promise.resolve({ version: __APP_VERSION__, platform: 'web' }),
    saveFile: saveWithDownload,
    openFile: openWithInput,
    notify: notifyWithWebApi,
    onNotificationClick(listener) {
      clickListeners.add(listener);
      return () => clickListeners.delete(listener);
    },
  };
}
