// The handlers behind each IPC channel: version, save and open dialogs with file I/O, notifications.
import { app, dialog, Notification, type BrowserWindow, type FileFilter } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IPC_EVENTS, IpcError, MAX_FILE_BYTES, type NotificationTarget } from '../shared/ipc';
import type { IpcHandlers } from './register-handler';

export interface HandlerContext {
  /** The window dialogs attach to and notification clicks focus; null when it is closed. */
  getWindow: () => BrowserWindow | null;
}

// Notifications must stay referenced until clicked or closed, or the GC drops their click events.
const liveNotifications = new Set<Notification>();

function asUint8Array(buffer: Buffer): Uint8Array {
  // A pooled Buffer is a view on a larger ArrayBuffer, and IPC would copy all of it.
  return buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength
    ? buffer
    : new Uint8Array(buffer);
}

function focus(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

export function createHandlers({ getWindow }: HandlerContext): IpcHandlers {
  return {
    'app:get-version': () => ({ version: app.getVersion(), platform: process.platform }),

    'file:save': async ({ suggestedName, filters, content }) => {
      const window = getWindow();
      const options = {
        defaultPath: suggestedName,
        filters: filters satisfies FileFilter[] | undefined,
      };
      const choice = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false, filePath: null };
      await (typeof content === 'string'
        ? writeFile(choice.filePath, content, 'utf8')
        : writeFile(choice.filePath, content));
      return { saved: true, filePath: choice.filePath };
    },

    'file:open': async ({ filters, maxBytes = MAX_FILE_BYTES }) => {
      const window = getWindow();
      const options = {
        properties: ['openFile' as const],
        filters: filters satisfies FileFilter[] | undefined,
      };
      const choice = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      const filePath = choice.filePaths[0];
      if (choice.canceled || filePath === undefined) return null;
      const info = await stat(filePath);
      if (!info.isFile()) throw new IpcError('failed', `${filePath} no es un fichero`);
      if (info.size > maxBytes) {
        throw new IpcError(
          'too_large',
          `${path.basename(filePath)} ocupa ${info.size} bytes; el máximo es ${maxBytes}`,
        );
      }
      return { name: path.basename(filePath), content: asUint8Array(await readFile(filePath)) };
    },

    'notify:show': ({ title, body, target }) => {
      if (!Notification.isSupported()) return { shown: false };
      const notification = new Notification({ title, body });
      liveNotifications.add(notification);
      notification.on('close', () => liveNotifications.delete(notification));
      notification.on('click', () => {
        liveNotifications.delete(notification);
        const window = getWindow();
        if (!window) return;
        focus(window);
        if (target)
          window.webContents.send(
            IPC_EVENTS.notificationClicked,
            target satisfies NotificationTarget,
          );
      });
      notification.show();
      return { shown: true };
    },
  };
}
