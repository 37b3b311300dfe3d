// The main window: locked-down web preferences, no popups, no navigation away from our origin.
import { BrowserWindow } from 'electron';
import { isAppUrl } from './navigation-guard';

export interface MainWindowOptions {
  preloadPath: string;
  /** The page to load: app://cuentas-claras/index.html, or the dev server in development. */
  startUrl: string;
  /** The dev server origin, trusted only in development. */
  devUrl?: string;
  /** Started at login: load the page (it runs the checks) but keep the window in the tray. */
  startHidden?: boolean;
}

export function createMainWindow({
  preloadPath,
  startUrl,
  devUrl,
  startHidden = false,
}: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Cuentas Claras',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });

  if (!startHidden) window.once('ready-to-show', () => window.show());
  const { webContents } = window;
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  webContents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, devUrl)) event.preventDefault();
  });
  webContents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, devUrl)) event.preventDefault();
  });
  webContents.on('will-attach-webview', (event) => event.preventDefault());

  window.loadURL(startUrl).catch((error: unknown) => {
    console.error(`No se pudo cargar ${startUrl}:`, error);
  });
  return window;
}
