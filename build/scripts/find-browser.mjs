// @ts-check
// Finds the Chromium-family browser the end-to-end tests drive (no browser is downloaded), and on
// Debian or Ubuntu as root installs Chromium and poppler-utils with apt, as .ci/run did.
// `node build/scripts/find-browser.mjs` prints the browser's path, or one line saying what to do.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {{ path: string, source: 'CHROMIUM_PATH' | 'known place' | 'apt-get' }} FoundBrowser
 * @typedef {{ ok: true, browser: FoundBrowser, pdfTools: boolean, notes: string[] }
 *   | { ok: false, message: string }} BrowserCheck
 * @typedef {{
 *   env: Record<string, string | undefined>,
 *   platform: string,
 *   exists: (file: string) => boolean,
 *   hasCommand: (name: string) => boolean,
 *   isRoot: () => boolean,
 *   isDebianLike: () => boolean,
 *   run: (command: string, args: string[], env: Record<string, string>) => number,
 *   log: (line: string) => void,
 * }} BrowserDeps
 */

/**
 * Where Debian's Chromium, Google Chrome and Chromium usually live, most wanted first.
 * @param {string} platform `process.platform`
 * @param {Record<string, string | undefined>} env for the Windows and macOS folders
 * @returns {string[]}
 */
export function browserCandidates(platform, env) {
  if (platform === 'darwin') {
    const apps = env.HOME
      ? ['/Applications', path.posix.join(env.HOME, 'Applications')]
      : ['/Applications'];
    return apps.flatMap((dir) => [
      `${dir}/Google Chrome.app/Contents/MacOS/Google Chrome`,
      `${dir}/Chromium.app/Contents/MacOS/Chromium`,
    ]);
  }
  if (platform === 'win32') {
    /** @type {string[]} */
    const roots = [];
    for (const dir of [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]) {
      if (dir) roots.push(dir);
    }
    return [
      ...roots.map((dir) => path.win32.join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...roots.map((dir) => path.win32.join(dir, 'Chromium', 'Application', 'chrome.exe')),
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
  ];
}

/**
 * The browser to use: CHROMIUM_PATH when set, else the first known place that exists.
 * @param {Pick<BrowserDeps, 'env' | 'platform' | 'exists'>} deps
 * @returns {FoundBrowser | { error: string } | null}
 */
export function findBrowser({ env, platform, exists }) {
  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    return exists(chosen)
      ? { path: chosen, source: 'CHROMIUM_PATH' }
      : { error: `CHROMIUM_PATH apunta a ${chosen}, que no existe: corrígelo o quítalo.` };
  }
  const found = browserCandidates(platform, env).find((candidate) => exists(candidate));
  return found ? { path: found, source: 'known place' } : null;
}

/**
 * The one line to print when no browser can be had: what to install, or what to set.
 * @param {string} platform
 * @returns {string}
 */
export function missingBrowserMessage(platform) {
  const install =
    platform === 'darwin' || platform === 'win32'
      ? 'instala Google Chrome'
      : 'instala Chromium (sudo apt-get install chromium poppler-utils) o Google Chrome';
  return `Las pruebas en el navegador necesitan Chromium o Google Chrome y no hay ninguno: ${install}, o pon su ruta en CHROMIUM_PATH.`;
}

/**
 * Finds the browser; where it or poppler's pdftoppm is missing and apt can install them (root on
 * Debian or Ubuntu), installs Debian's chromium and poppler-utils first.
 * @param {BrowserDeps} deps
 * @returns {BrowserCheck}
 */
export function ensureBrowser(deps) {
  let found = findBrowser(deps);
  if (found && 'error' in found) return { ok: false, message: found.error };
  let pdfTools = deps.hasCommand('pdftoppm');
  let installed = false;

  const wanted = [...(found ? [] : ['chromium']), ...(pdfTools ? [] : ['poppler-utils'])];
  if (wanted.length > 0 && deps.platform === 'linux' && deps.isRoot() && deps.isDebianLike()) {
    deps.log(`Instalando ${wanted.join(' y ')} con apt-get para las pruebas…`);
    const aptEnv = { DEBIAN_FRONTEND: 'noninteractive' };
    let status = deps.run('apt-get', ['update', '-qq'], aptEnv);
    if (status === 0) status = deps.run('apt-get', ['install', '-y', '-qq', ...wanted], aptEnv);
    if (status !== 0) deps.log(`apt-get install ${wanted.join(' ')} falló (código ${status}).`);
    installed = !found;
    found = findBrowser(deps);
    pdfTools = deps.hasCommand('pdftoppm');
  }

  if (!found || 'error' in found)
    return { ok: false, message: missingBrowserMessage(deps.platform) };
  const notes = pdfTools
    ? []
    : [
        'pdftoppm no está instalado (poppler-utils): las pruebas que leen PDFs se saltarán y lo dirán en el resumen.',
      ];
  return {
    ok: true,
    browser: installed ? { path: found.path, source: 'apt-get' } : found,
    pdfTools,
    notes,
  };
}

/** @returns {boolean} */
function isDebianLike() {
  if (existsSync('/etc/debian_version')) return true;
  try {
    return /^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

/** The real machine: this process's environment, file system and commands. @type {BrowserDeps} */
export const machine = {
  env: process.env,
  platform: process.platform,
  exists: (file) => existsSync(file),
  hasCommand: (name) => {
    const result = spawnSync(name, ['-v'], { stdio: 'ignore' });
    return !result.error;
  },
  isRoot: () => typeof process.getuid === 'function' && process.getuid() === 0,
  isDebianLike,
  // apt's progress is noise; its errors are printed when it fails.
  run: (command, args, env) => {
    const result = spawnSync(command, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    if (result.status !== 0) process.stderr.write(result.stderr ?? String(result.error ?? ''));
    return result.status ?? 1;
  },
  log: (line) => console.log(line),
};

/**
 * The browser's path for the Playwright configs: CHROMIUM_PATH or a known place (never installs).
 * Throws the one line of `missingBrowserMessage` (or the CHROMIUM_PATH error) when there is none,
 * rather than let Playwright suggest downloading a browser of its own.
 * @returns {string}
 */
export function browserPathForPlaywright() {
  const found = findBrowser(machine);
  if (!found) throw new Error(missingBrowserMessage(machine.platform));
  if ('error' in found) throw new Error(found.error);
  return found.path;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = ensureBrowser(machine);
  if (!check.ok) {
    console.error(check.message);
    process.exit(1);
  }
  for (const note of check.notes) console.log(note);
  console.log(`Navegador para las pruebas: ${check.browser.path}`);
}
