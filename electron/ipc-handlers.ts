// The handlers behind each IPC channel: version, save and open dialogs with file I/O, notifications.
import { app, dialog, type BrowserWindow, type FileFilter } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IpcError, MAX_FILE_BYTES } from '../shared/ipc';
import type { IpcHandlers } from './register-handler';
import { composeMail } from './mail-compose';
import { showNotification } from './notifications';
import type { TrayController } from './tray';
import type { Background } from './background';
import { rememberChosenPath } from './chosen-paths';
import type { ErrorLog } from './error-log';
import { createLogHandlers } from './log-handlers';
import { PdfSigningError, signPdfWithP12 } from './pdf-signing';
import { createBackupHandlers, type BackupStore } from './backups';
import type { OpenedBackups } from './opened-backups';
import type { SyncHandlers } from './sync-handlers';

export interface HandlerContext {
  /** The window dialogs attach to and notification clicks focus; null when it is closed. */
  getWindow: () => BrowserWindow | null;
  /** The tray, when the platform has one. */
  tray?: Pick<TrayController, 'update'>;
  /** Background behaviour (tray on close, login item, daily check). */
  background?: Pick<Background, 'apply'>;
  /** The local error log the renderer writes to (absent: `log:write` answers written: false). */
  errorLog?: ErrorLog;
  /** shell.openPath, used only on the log file's own path. */
  openPath?: (filePath: string) => Promise<string>;
  /** Automatic backups (absent: the backup channels answer with an error). */
  backups?: BackupStore;
  /** A backup file opened from the OS, waiting for the renderer (absent: none ever waits). */
  openedBackups?: Pick<OpenedBackups, 'take'>;
  /** Sync's HTTP and password store (absent: the sync channels answer with an error). */
  sync?: SyncHandlers;
}

const NO_SYNC = () => {
  throw new IpcError('failed', 'Sync is not available');
};

function asUint8Array(buffer: Buffer): Uint8Array {
  // A pooled Buffer is a view on a larger ArrayBuffer, and IPC would copy all of it.
  return buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength
    ? buffer
    : new Uint8Array(buffer);
}

export function createHandlers({
  getWindow,
  tray,
  background,
  errorLog,
  openPath,
  backups,
  openedBackups,
  sync,
}: HandlerContext): IpcHandlers {
  return {
    'sync:request': sync?.['sync:request'] ?? NO_SYNC,
    'sync:save-secret': sync?.['sync:save-secret'] ?? NO_SYNC,
    'sync:load-secret': sync?.['sync:load-secret'] ?? NO_SYNC,
    ...createLogHandlers(errorLog, openPath),
    ...createBackupHandlers(backups, getWindow),
    // Only what main itself found in argv or macOS's open-file and checked; never a renderer's path.
    'backup:take-opened': () => openedBackups?.take() ?? null,
    'app:get-version': () => ({ version: app.getVersion(), platform: process.platform }),
    'mail:compose': (request) => composeMail(request),

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
      rememberChosenPath(choice.filePath);
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
      rememberChosenPath(filePath);
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

    'notify:show': (request) => showNotification(getWindow, request),

    'notify:set-tray-status': (status) => {
      tray?.update(status);
      return { applied: tray !== undefined };
    },

    'notify:set-background': (options) => {
      background?.apply(options);
      return { applied: background !== undefined };
    },

    // The request (with its password) is never logged; a failure says only what went wrong.
    'pdf:sign': async (request) => {
      try {
        return { bytes: await signPdfWithP12(request), problem: null };
      } catch (error) {
        return { bytes: null, problem: error instanceof PdfSigningError ? error.code : 'failed' };
      }
    },
  };
}
