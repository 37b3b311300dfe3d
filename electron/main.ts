// App lifecycle: one instance, the app:// scheme, the locked-down window and the IPC handlers.
import { app, BrowserWindow, ipcMain, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_START_URL } from './app-protocol';
import { createHandlers } from './ipc-handlers';
import { isAppUrl } from './navigation-guard';
import { allowOnlyNotifications } from './permissions';
import { registerHandlers } from './register-handler';
import { registerAppScheme, serveAppProtocol } from './serve-app-protocol';
import { createMainWindow } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
// electron-vite sets this in `dev`; a packaged app never trusts it.
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

let mainWindow: BrowserWindow | null = null;

function openWindow(): void {
  mainWindow = createMainWindow({
    preloadPath: path.join(here, '../preload/preload.cjs'),
    startUrl: devUrl ?? APP_START_URL,
    ...(devUrl ? { devUrl } : {}),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  app
    .whenReady()
    .then(() => {
      serveAppProtocol(path.join(here, '../renderer'));
      allowOnlyNotifications(session.defaultSession);
      registerHandlers(ipcMain, createHandlers({ getWindow: () => mainWindow }), (frameUrl) =>
        frameUrl === null ? false : isAppUrl(frameUrl, devUrl),
      );
      openWindow();
    })
    .catch((error: unknown) => {
      console.error('Cuentas Claras no pudo arrancar:', error);
      app.quit();
    });
}
