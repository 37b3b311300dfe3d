// One build for the desktop app: main (ESM), sandboxed preload (CommonJS) and the renderer on app://.
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import { rendererConfig } from './renderer/vite.config';

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
/** Rolldown's "plugins took a while" notice only says the machine was busy: nothing to act on. */
const QUIET_CHECKS = { bundlerTimings: false };

export default defineConfig({
  // package.json is "type": "module" and Electron ≥ 28 loads ESM mains, so out/main/main.js is ESM.
  // zod is bundled too, so out/ runs without node_modules.
  main: {
    build: {
      outDir: fromRoot('out/main'),
      externalizeDeps: false,
      rolldownOptions: { input: { main: fromRoot('electron/main.ts') }, checks: QUIET_CHECKS },
    },
  },
  // A sandboxed preload cannot be ESM and can require only 'electron': CommonJS, all else bundled.
  preload: {
    build: {
      outDir: fromRoot('out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: fromRoot('electron/preload.ts') },
        checks: QUIET_CHECKS,
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      outDir: fromRoot('out/renderer'),
      rolldownOptions: { input: fromRoot('renderer/index.html'), checks: QUIET_CHECKS },
    },
  },
});
