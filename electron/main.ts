// App lifecycle: one instance, the app:// scheme, the locked-down window and the IPC handlers.
import { app, BrowserWindow, ipcMain, powerMonitor, safeStorage, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_START_URL } from './app-protocol';
import { createBackupStore } from './backups';
import { createHandlers } from './ipc-handlers';
import { createSyncHandlers } from './sync-handlers';
import { isAppUrl } from './navigation-guard';
import { allowOnlyAppPermissions } from './permissions';
import { registerHandlers } from './register-handler';
import { registerAppScheme, serveAppProtocol } from './serve-app-protocol';
import { createMainWindow } from './window';
import { createErrorLog, logProcessCrashes, logUncaughtErrors } from './error-log';
import { IPC_EVENTS, type CheckReason } from '../shared/ipc-channels';
import { createBackground, type Background } from './background';
import { bringForward } from './notifications';
import { createTray, type TrayController } from './tray';
import { backupPathFromArgv, createOpenedBackups } from './opened-backups';
import { autostartDirectory, setStartAtLogin, startsHidden } from './login-item';
import { rememberChosenPath } from './chosen-paths';

const here = path.dirname(fileURLToPath(import.meta.url));
// electron-vite sets this in `dev`; a packaged app never trusts it.
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

let mainWindow: BrowserWindow | null = null;
let background: Background | null = null;
let tray: TrayController | null = null;

function openWindow(hidden = false): void {
  mainWindow = createMainWindow({
    preloadPath: path.join(here, '../preload/preload.cjs'),
    startUrl: devUrl ?? APP_START_URL,
    ...(devUrl ? { devUrl } : {}),
    ...(hidden ? { startHidden: true } : {}),
  });
  background?.attachWindow(mainWindow);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** Shows the window, opening it again if it was closed. */
function showWindow(): void {
  if (mainWindow) bringForward(mainWindow);
  else openWindow();
}

// The data lives in the renderer's IndexedDB, so the renderer runs the check; main only asks.
function requestCheck(reason: CheckReason): void {
  if (!mainWindow) openWindow(true);
  mainWindow?.webContents.send(IPC_EVENTS.checkRequested, reason);
}

function trayIconPath(): string {
  return app.isPackaged
    ? path.join(process.resourcesPath, 'icon.png')
    : path.join(here, '../../build/icon.png');
}

// Errors go to a local file in the OS's logs folder for this app; nothing is sent anywhere.
const errorLog = createErrorLog({ dir: app.getPath('logs') });

// Automatic backups: the renderer holds the data, so main asks for a copy once a day.
const backups = createBackupStore({
  settingsFile: path.join(app.getPath('userData'), 'backup-settings.json'),
  defaultFolder: path.join(app.getPath('documents'), 'Cuentas Claras', 'Copias'),
});
function askForDailyBackup(): void {
  void backups.isDailyDue().then((due) => {
    if (due) mainWindow?.webContents.send(IPC_EVENTS.backupDue);
  });
}
// A .ccbackup opened from the OS: checked here, then the renderer's restore asks before replacing anything.
const openedBackups = createOpenedBackups({
  remember: rememberChosenPath,
  announce: () => {
    if (!app.isReady()) return; // The renderer takes it when it loads.
    showWindow();
    mainWindow?.webContents.send(IPC_EVENTS.backupFileOpened);
  },
});
function offerBackup(filePath: string | null): void {
  if (filePath === null) return;
  openedBackups.offer(filePath).catch((error: unknown) => {
    errorLog.write({
      level: 'error',
      source: 'main',
      message: `No se pudo abrir ${filePath}: ${String(error)}`,
    });
  });
}
// macOS hands files over with this event, possibly before the app is ready: listen at once.
app.on('open-file', (event, filePath) => {
  event.preventDefault();
  offerBackup(filePath);
});

logUncaughtErrors(errorLog);
logProcessCrashes(errorLog, app);

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Windows and Linux start a second instance with the file in its argv; it quits, this one opens it.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    showWindow();
    offerBackup(backupPathFromArgv(argv, workingDirectory));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !background?.keepsRunning()) app.quit();
  });

  app.on('activate', () => {
    // A window hidden in the tray comes back instead of a second one opening.
    if (mainWindow) bringForward(mainWindow);
    else if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  app
    .whenReady()
    .then(() => {
      serveAppProtocol(path.join(here, '../renderer'));
      allowOnlyAppPermissions(session.defaultSession, (url) => isAppUrl(url, devUrl));
      background = createBackground({
        app,
        powerMonitor,
        requestCheck,
        setStartAtLogin: (enabled) => {
          setStartAtLogin(enabled, {
            platform: process.platform,
            app,
            autostartDir: autostartDirectory(process.env, app.getPath('home')),
            // An AppImage runs from a temporary mount: autostart must name the file itself.
            executable: process.env.APPIMAGE ?? process.execPath,
          }).catch((error: unknown) => {
            errorLog.write({
              level: 'error',
              source: 'main',
              message: `Inicio de sesión: ${String(error)}`,
            });
          });
        },
      });
      tray = createTray(trayIconPath(), {
        onOpen: showWindow,
        onCheckNow: () => requestCheck('tray'),
        onQuit: () => {
          background?.markQuitting();
          app.quit();
        },
      });
      registerHandlers(
        ipcMain,
        createHandlers({
          getWindow: () => mainWindow,
          tray,
          background,
          errorLog,
          openPath: (filePath) => shell.openPath(filePath),
          backups,
          openedBackups,
          sync: createSyncHandlers({
            secretsFile: path.join(app.getPath('userData'), 'sync-secrets.json'),
            cipher: safeStorage,
          }),
        }),
        (frameUrl) => (frameUrl === null ? false : isAppUrl(frameUrl, devUrl)),
      );
      // The renderer checks as soon as it loads: that is the check at start.
      const launchedWith = backupPathFromArgv(process.argv, process.cwd());
      openWindow(launchedWith === null && startsHidden(process.argv, process.platform, app));
      offerBackup(launchedWith);
      setTimeout(askForDailyBackup, 30_000);
      setInterval(askForDailyBackup, 60 * 60 * 1000);
    })
    .catch((error: unknown) => {
      console.error('Cuentas Claras no pudo arrancar:', error);
      app.quit();
    });
}
