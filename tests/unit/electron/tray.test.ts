import { describe, expect, it, vi } from 'vitest';

interface MenuItem {
  label?: string;
  type?: string;
  click?: () => void;
}

const electron = vi.hoisted(() => {
  const trays: FakeTray[] = [];
  class FakeTray {
    listeners = new Map<string, () => void>();
    setToolTip = vi.fn();
    setTitle = vi.fn();
    setContextMenu = vi.fn();
    destroy = vi.fn();
    constructor(readonly image: unknown) {
      trays.push(this);
    }
    on(event: string, listener: () => void) {
      this.listeners.set(event, listener);
    }
  }
  return {
    trays,
    Tray: FakeTray,
    Menu: { buildFromTemplate: vi.fn((items: MenuItem[]) => ({ items })) },
    nativeImage: { createFromPath: vi.fn((p: string) => ({ path: p })) },
  };
});
vi.mock('electron', () => ({
  Tray: electron.Tray,
  Menu: electron.Menu,
  nativeImage: electron.nativeImage,
}));

const { createTray } = await import('../../../electron/tray');

function lastMenu(): MenuItem[] {
  const calls = electron.Menu.buildFromTemplate.mock.calls;
  return calls[calls.length - 1]?.[0] ?? [];
}

describe('tray', () => {
  it('starts with the icon and a Spanish menu: open, check now, quit', () => {
    createTray('/app/icon.png', { onOpen: vi.fn(), onCheckNow: vi.fn(), onQuit: vi.fn() });
    expect(electron.nativeImage.createFromPath).toHaveBeenCalledWith('/app/icon.png');
    expect(lastMenu().map((item) => item.label ?? item.type)).toEqual([
      'Abrir Cuentas Claras',
      'Comprobar ahora',
      'separator',
      'Salir',
    ]);
  });

  it('each menu item runs its action, and clicking the icon opens the window', () => {
    const actions = { onOpen: vi.fn(), onCheckNow: vi.fn(), onQuit: vi.fn() };
    createTray('/icon.png', actions);
    const [open, check, , quit] = lastMenu();
    check?.click?.();
    expect(actions.onCheckNow).toHaveBeenCalledTimes(1);
    quit?.click?.();
    expect(actions.onQuit).toHaveBeenCalledTimes(1);
    open?.click?.();
    electron.trays[electron.trays.length - 1]?.listeners.get('click')?.();
    expect(actions.onOpen).toHaveBeenCalledTimes(2);
  });

  it('shows the overdue count in the title and tooltip, and the labels in the language sent', () => {
    const tray = createTray('/icon.png', { onOpen: vi.fn(), onCheckNow: vi.fn(), onQuit: vi.fn() });
    tray.update({
      overdueCount: 7,
      tooltip: 'Cuentas Claras · 7 overdue invoices (€4,380.00)',
      labels: { open: 'Open Cuentas Claras', checkNow: 'Check now', quit: 'Quit' },
    });
    const fake = electron.trays[electron.trays.length - 1];
    expect(fake?.setTitle).toHaveBeenLastCalledWith('7');
    expect(fake?.setToolTip).toHaveBeenLastCalledWith(
      'Cuentas Claras · 7 overdue invoices (€4,380.00)',
    );
    expect(lastMenu().map((item) => item.label ?? item.type)).toEqual([
      'Open Cuentas Claras',
      'Check now',
      'separator',
      'Quit',
    ]);
    tray.update({ overdueCount: 0, tooltip: 'x', labels: { open: 'a', checkNow: 'b', quit: 'c' } });
    expect(fake?.setTitle).toHaveBeenLastCalledWith('');
  });
});
