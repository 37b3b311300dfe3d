// One build for the desktop app: main (ESM), sandboxed preload (CommonJS) and the renderer on app://.
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import { rendererConfig } from './renderer/vite.config';

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  // package.json is "type": "module" and Electron ≥ 28 loads ESM mains, so out/main/main.js is ESM.
  // zod is bundled too, so out/ runs without node_modules.
  main: {
    build: {
      outDir: fromRoot('out/main'),
      externalizeDeps: false,
      rolldownOptions: { input: { main: fromRoot('electron/main.ts') } },
    },
  },
  // A sandboxed preload cannot be ESM and can require only 'electron': CommonJS, all else bundled.
  preload: {
    build: {
      outDir: fromRoot('out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: fromRoot('electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      outDir: fromRoot('out/renderer'),
      rolldownOptions: { input: fromRoot('renderer/index.html') },
    },
  },
});
