// Launches the built desktop app (out/main/main.js) and asks the bridge for the version.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BRIDGE_GLOBAL, type WindowBridge } from '../../shared/ipc';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Electron's own index.js would try to download a missing binary; look for it instead. */
function findElectronBinary(): string | null {
  try {
    const packageDir = path.dirname(
      createRequire(import.meta.url).resolve('electron/package.json'),
    );
    const pathFile = path.join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const executable = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

const electronBinary = findElectronBinary();
const electronBinaryAvailable = electronBinary !== null;

test.describe('desktop app', () => {
  test.skip(
    !electronBinaryAvailable,
    'Electron binary not installed on this machine (cannot be downloaded offline): smoke test skipped',
  );

  test('opens its window and answers app:get-version through the bridge', async () => {
    expect(
      existsSync(path.join(repoRoot, 'out/main/main.js')),
      'run `npx electron-vite build` before this test',
    ).toBe(true);
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'cuentas-claras-e2e-'));
    const app = await electron.launch({
      ...(electronBinary ? { executablePath: electronBinary } : {}),
      args: [repoRoot, `--user-data-dir=${userDataDir}`],
      cwd: repoRoot,
    });
    try {
      const window = await app.firstWindow();
      await expect(window).toHaveTitle(/Cuentas Claras/);
      expect(window.url()).toMatch(/^app:\/\/cuentas-claras\//);
      const result = await window.evaluate(async (bridgeName) => {
        // The page's global holds the bridge the preload exposed; this runs in the renderer.
        const bridge = (globalThis as unknown as Record<string, WindowBridge>)[bridgeName];
        return bridge ? bridge['app:get-version']({}) : null;
      }, BRIDGE_GLOBAL);
      expect(result).toMatchObject({ ok: true, data: { version: expect.any(String) as unknown } });
    } finally {
      await app.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });
});
