// Finds the Electron executable without electron's index.js (which would try to download it), and runs tools.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The path of a usable Electron binary, or null when the package has none (offline install). */
export function electronBinaryPath() {
  try {
    const packageDir = path.dirname(
      createRequire(import.meta.url).resolve('electron/package.json'),
    );
    const pathFile = path.join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const relative = readFileSync(pathFile, 'utf8').trim();
    const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
    const executable = path.join(distDir, relative);
    return relative && existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

/**
 * Electron 42 and later have no install script: the binary comes on first use. Downloads it once
 * (electron's own install.js, output hidden) and returns its path; null when that fails (offline)
 * or ELECTRON_SKIP_BINARY_DOWNLOAD is set.
 */
export function downloadElectronBinary() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  let installScript;
  try {
    const packageDir = path.dirname(
      createRequire(import.meta.url).resolve('electron/package.json'),
    );
    installScript = path.join(packageDir, 'install.js');
  } catch {
    return null;
  }
  if (!existsSync(installScript)) return null;
  console.log('Descargando Electron para la ventana de escritorio (solo la primera vez)…');
  const result = spawnSync(process.execPath, [installScript], { stdio: 'ignore' });
  return result.status === 0 ? electronBinaryPath() : null;
}

/** Runs a command with inherited output; resolves with its exit code (1 if killed by a signal). */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** The electron-vite CLI, run with this Node (no shell, no .cmd shims). */
export function electronViteArgs(...args) {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve('electron-vite/package.json'));
  return [path.join(packageDir, 'bin', 'electron-vite.js'), ...args];
}
