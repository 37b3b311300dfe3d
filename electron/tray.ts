// The tray icon: the number of overdue invoices in its title and tooltip, and open / check now / quit.
import { Menu, Tray, nativeImage } from 'electron';

export interface TrayLabels {
  open: string;
  checkNow: string;
  quit: string;
}

export interface TrayStatus {
  overdueCount: number;
  tooltip: string;
  labels: TrayLabels;
}

export interface TrayActions {
  onOpen: () => void;
  onCheckNow: () => void;
  onQuit: () => void;
}

export interface TrayController {
  update(status: TrayStatus): void;
  destroy(): void;
}

// Spanish until the renderer sends its labels in the person's language.
const DEFAULT_STATUS: TrayStatus = {
  overdueCount: 0,
  tooltip: 'Cuentas Claras',
  labels: { open: 'Abrir Cuentas Claras', checkNow: 'Comprobar ahora', quit: 'Salir' },
};

export function createTray(iconPath: string, actions: TrayActions): TrayController {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.on('click', actions.onOpen);

  function update(status: TrayStatus): void {
    tray.setToolTip(status.tooltip);
    // The title shows beside the icon on macOS; elsewhere the tooltip carries the count.
    tray.setTitle(status.overdueCount > 0 ? String(status.overdueCount) : '');
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: status.labels.open, click: actions.onOpen },
        { label: status.labels.checkNow, click: actions.onCheckNow },
        { type: 'separator' },
        { label: status.labels.quit, click: actions.onQuit },
      ]),
    );
  }

  update(DEFAULT_STATUS);
  return { update, destroy: () => tray.destroy() };
}
