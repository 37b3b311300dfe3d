import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  browserCandidates,
  ensureBrowser,
  findBrowser,
  missingBrowserMessage,
} from '../../../../build/scripts/find-browser.mjs';

type Deps = Parameters<typeof ensureBrowser>[0];

/** A machine made of a set of files and commands; apt-get "installs" by adding them. */
function fakeMachine(options: {
  platform?: string;
  env?: Record<string, string>;
  files?: string[];
  commands?: string[];
  root?: boolean;
  debian?: boolean;
  aptStatus?: number;
}) {
  const files = new Set(options.files ?? []);
  const commands = new Set(options.commands ?? []);
  const calls: string[] = [];
  const lines: string[] = [];
  const deps: Deps = {
    env: options.env ?? {},
    platform: options.platform ?? 'linux',
    exists: (file) => files.has(file),
    hasCommand: (name) => commands.has(name),
    isRoot: () => options.root ?? false,
    isDebianLike: () => options.debian ?? false,
    run: (command, args, env) => {
      calls.push(`${env.DEBIAN_FRONTEND ?? ''} ${command} ${args.join(' ')}`.trim());
      const status = options.aptStatus ?? 0;
      if (status === 0 && args[0] === 'install') {
        if (args.includes('chromium')) files.add('/usr/bin/chromium');
        if (args.includes('poppler-utils')) commands.add('pdftoppm');
      }
      return status;
    },
    log: (line) => lines.push(line),
  };
  return { deps, calls, lines };
}

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH first when the file is there', () => {
    const { deps } = fakeMachine({
      env: { CHROMIUM_PATH: '/opt/my/chrome' },
      files: ['/opt/my/chrome', '/usr/bin/chromium'],
    });
    expect(findBrowser(deps)).toEqual({ path: '/opt/my/chrome', source: 'CHROMIUM_PATH' });
  });

  it('says in one line that CHROMIUM_PATH points nowhere instead of guessing another browser', () => {
    const { deps } = fakeMachine({
      env: { CHROMIUM_PATH: '/opt/gone/chrome' },
      files: ['/usr/bin/chromium'],
    });
    expect(findBrowser(deps)).toEqual({
      error: 'CHROMIUM_PATH apunta a /opt/gone/chrome, que no existe: corrígelo o quítalo.',
    });
  });

  it("prefers Debian's Chromium, then Google Chrome, on Linux", () => {
    expect(
      findBrowser(fakeMachine({ files: ['/usr/bin/chromium', '/usr/bin/google-chrome'] }).deps),
    ).toEqual({
      path: '/usr/bin/chromium',
      source: 'known place',
    });
    expect(findBrowser(fakeMachine({ files: ['/opt/google/chrome/chrome'] }).deps)).toEqual({
      path: '/opt/google/chrome/chrome',
      source: 'known place',
    });
  });

  it('finds Google Chrome or Chromium in their usual places on macOS and Windows', () => {
    const mac = fakeMachine({
      platform: 'darwin',
      env: { HOME: '/Users/ana' },
      files: ['/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium'],
    });
    expect(findBrowser(mac.deps)).toEqual({
      path: '/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium',
      source: 'known place',
    });

    const windows = fakeMachine({
      platform: 'win32',
      env: { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' },
      files: ['C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'],
    });
    expect(findBrowser(windows.deps)).toEqual({
      path: 'C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      source: 'known place',
    });
    expect(browserCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' })[0]).toBe(
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    );
  });

  it('finds nothing on a machine without any of them', () => {
    expect(findBrowser(fakeMachine({ files: ['/usr/bin/firefox'] }).deps)).toBeNull();
  });
});

describe('ensureBrowser', () => {
  it('uses the browser it finds and installs nothing when pdftoppm is there too', () => {
    const { deps, calls } = fakeMachine({
      files: ['/usr/bin/chromium'],
      commands: ['pdftoppm'],
      root: true,
      debian: true,
    });
    expect(ensureBrowser(deps)).toEqual({
      ok: true,
      browser: { path: '/usr/bin/chromium', source: 'known place' },
      pdfTools: true,
      notes: [],
    });
    expect(calls).toEqual([]);
  });

  it('without a browser and without root, stops with one line naming what to install or set', () => {
    const { deps, calls } = fakeMachine({ root: false, debian: true });
    const check = ensureBrowser(deps);
    expect(check).toEqual({ ok: false, message: missingBrowserMessage('linux') });
    if (check.ok) return;
    expect(check.message).not.toContain('\n');
    expect(check.message).toContain('apt-get install chromium poppler-utils');
    expect(check.message).toContain('CHROMIUM_PATH');
    expect(calls).toEqual([]);
  });

  it('on macOS and Windows the line asks for Google Chrome and never runs apt-get', () => {
    for (const platform of ['darwin', 'win32']) {
      const { deps, calls } = fakeMachine({ platform, root: true, debian: true });
      const check = ensureBrowser(deps);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.message).toContain('instala Google Chrome');
      expect(calls).toEqual([]);
    }
  });

  it("as root on Debian installs chromium and poppler-utils with apt, then finds Debian's Chromium", () => {
    const { deps, calls, lines } = fakeMachine({ root: true, debian: true });
    expect(ensureBrowser(deps)).toEqual({
      ok: true,
      browser: { path: '/usr/bin/chromium', source: 'apt-get' },
      pdfTools: true,
      notes: [],
    });
    expect(calls).toEqual([
      'noninteractive apt-get update -qq',
      'noninteractive apt-get install -y -qq chromium poppler-utils',
    ]);
    expect(lines).toEqual(['Instalando chromium y poppler-utils con apt-get para las pruebas…']);
  });

  it('as root on Debian with a browser but no pdftoppm installs only poppler-utils', () => {
    const { deps, calls } = fakeMachine({
      files: ['/usr/bin/google-chrome'],
      root: true,
      debian: true,
    });
    const check = ensureBrowser(deps);
    expect(check).toMatchObject({ ok: true, browser: { source: 'known place' }, pdfTools: true });
    expect(calls.at(-1)).toBe('noninteractive apt-get install -y -qq poppler-utils');
  });

  it('when apt-get fails, says so and still ends with the one line', () => {
    const { deps, lines } = fakeMachine({ root: true, debian: true, aptStatus: 100 });
    expect(ensureBrowser(deps)).toEqual({ ok: false, message: missingBrowserMessage('linux') });
    expect(lines.at(-1)).toBe('apt-get install chromium poppler-utils falló (código 100).');
  });

  it('as root on a Linux that is not Debian does not try apt-get', () => {
    const { deps, calls } = fakeMachine({ root: true, debian: false });
    expect(ensureBrowser(deps).ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('with a browser but no pdftoppm and no way to install it, goes on with a note about skipped PDF tests', () => {
    const { deps } = fakeMachine({ files: ['/usr/bin/chromium'] });
    const check = ensureBrowser(deps);
    expect(check).toMatchObject({ ok: true, pdfTools: false });
    if (check.ok) expect(check.notes).toEqual([expect.stringContaining('poppler-utils')]);
  });
});

describe('the find-browser command', () => {
  const script = fileURLToPath(
    new URL('../../../../build/scripts/find-browser.mjs', import.meta.url),
  );

  it('exits 1 with exactly one line on stderr when CHROMIUM_PATH points nowhere', () => {
    const result = spawnSync(process.execPath, [script], {
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'CHROMIUM_PATH apunta a /nonexistent/chromium, que no existe: corrígelo o quítalo.\n',
    );
  });

  it('prints the browser it uses when CHROMIUM_PATH names one', () => {
    const result = spawnSync(process.execPath, [script], {
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: process.execPath },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Navegador para las pruebas: ${process.execPath}`);
  });

  // Only where there is nothing to install, so the test never runs apt-get.
  const debianReady =
    process.platform === 'linux' &&
    existsSync('/usr/bin/chromium') &&
    spawnSync('pdftoppm', ['-v']).error === undefined;
  it.skipIf(!debianReady)("finds Debian's Chromium without CHROMIUM_PATH", () => {
    const env = { ...process.env };
    delete env.CHROMIUM_PATH;
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8', env });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('Navegador para las pruebas: /usr/bin/chromium\n');
  });
});
