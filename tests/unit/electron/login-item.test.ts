import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { AUTOSTART_FILE, autostartDirectory, linuxAutostartEntry, setStartAtLogin, startsHidden } =
  await import('../../../electron/login-item');

function deps(platform: NodeJS.Platform, executable = '/opt/Cuentas Claras/cuentas-claras') {
  const app = { setLoginItemSettings: vi.fn() };
  const files = {
    mkdir: vi.fn(() => Promise.resolve()),
    writeFile: vi.fn((_file: string, _content: string) => Promise.resolve()),
    rm: vi.fn(() => Promise.resolve()),
  };
  return { platform, app, files, autostartDir: '/home/ana/.config/autostart', executable };
}

describe('setStartAtLogin', () => {
  it('on Windows registers the login item with --hidden', async () => {
    const d = deps('win32');
    await expect(setStartAtLogin(true, d)).resolves.toBe(true);
    expect(d.app.setLoginItemSettings).toHaveBeenCalledWith({
      openAtLogin: true,
      args: ['--hidden'],
    });
  });

  it('on macOS registers the login item (macOS passes no arguments)', async () => {
    const d = deps('darwin');
    await setStartAtLogin(false, d);
    expect(d.app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: false });
  });

  it('on Linux writes an autostart entry that starts hidden, and removes it when turned off', async () => {
    const d = deps('linux');
    await expect(setStartAtLogin(true, d)).resolves.toBe(true);
    const [file, content] = d.files.writeFile.mock.calls[0] ?? [];
    expect(file).toBe(`/home/ana/.config/autostart/${AUTOSTART_FILE}`);
    expect(content).toContain('Exec="/opt/Cuentas Claras/cuentas-claras" --hidden');
    expect(d.app.setLoginItemSettings).not.toHaveBeenCalled();
    await setStartAtLogin(false, d);
    expect(d.files.rm).toHaveBeenCalledWith(`/home/ana/.config/autostart/${AUTOSTART_FILE}`, {
      force: true,
    });
  });

  it('on Linux refuses an executable path it cannot write safely', async () => {
    const d = deps('linux', 'relative/cc');
    await expect(setStartAtLogin(true, d)).resolves.toBe(false);
    expect(d.files.writeFile).not.toHaveBeenCalled();
  });

  it('elsewhere does nothing and says so', async () => {
    await expect(setStartAtLogin(true, deps('freebsd'))).resolves.toBe(false);
  });
});

describe('linuxAutostartEntry', () => {
  it('escapes quotes, dollars, backslashes and percent signs as the Desktop Entry spec asks', () => {
    const entry = linuxAutostartEntry('/home/a"b/$x\\y/100%/cc') ?? '';
    expect(entry).toContain('Exec="/home/a\\\\"b/\\\\$x\\\\\\\\y/100%%/cc" --hidden');
  });

  it('refuses a path with a line break (it would add lines to the entry)', () => {
    expect(linuxAutostartEntry('/opt/cc\nExec=/bin/evil')).toBeNull();
  });
});

describe('startsHidden', () => {
  const app = (wasOpenedAtLogin: boolean) => ({
    getLoginItemSettings: vi.fn(() => ({ wasOpenedAtLogin }) as never),
  });

  it('is true with --hidden on any OS', () => {
    expect(startsHidden(['/opt/cc', '--hidden'], 'linux', app(false))).toBe(true);
  });

  it('on macOS asks whether the login item opened the app', () => {
    expect(startsHidden(['/Applications/CC'], 'darwin', app(true))).toBe(true);
    expect(startsHidden(['/Applications/CC'], 'darwin', app(false))).toBe(false);
  });

  it('opens the window normally otherwise', () => {
    expect(startsHidden(['/opt/cc'], 'linux', app(true))).toBe(false);
  });
});

describe('autostartDirectory', () => {
  it('follows XDG_CONFIG_HOME when it is absolute, ~/.config otherwise', () => {
    expect(autostartDirectory({ XDG_CONFIG_HOME: '/x/cfg' }, '/home/ana')).toBe('/x/cfg/autostart');
    expect(autostartDirectory({ XDG_CONFIG_HOME: 'rel' }, '/home/ana')).toBe(
      '/home/ana/.config/autostart',
    );
  });
});
