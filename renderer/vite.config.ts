// Builds the renderer for the browser (web mode) and, through electron.vite.config.ts, for Electron.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { META_CONTENT_SECURITY_POLICY } from '../shared/csp.ts';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
const packageJson = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

/**
 * The dev server needs inline scripts for hot reload, so the CSP meta goes in built pages only. It
 * leaves out what a <meta> cannot carry (frame-ancestors): the desktop app sends the whole policy as
 * a header (electron/serve-app-protocol.ts).
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'cuentas-claras-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

/** The app icon (build/icon.svg, the one icon source) served and shipped as favicon.svg. */
export function favicon(): Plugin {
  const iconPath = fileURLToPath(new URL('../build/icon.svg', import.meta.url));
  return {
    name: 'cuentas-claras-favicon',
    configureServer(server) {
      server.middlewares.use('/favicon.svg', (_request, response) => {
        response.setHeader('Content-Type', 'image/svg+xml');
        response.end(readFileSync(iconPath));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'favicon.svg', source: readFileSync(iconPath) });
    },
  };
}

export const rendererConfig = {
  root: rendererRoot,
  base: './',
  plugins: [react(), contentSecurityPolicy(), favicon()],
  define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
  build: {
    // CC_WEB_OUT_DIR lets parallel test runs build side by side.
    outDir: process.env.CC_WEB_OUT_DIR ?? fileURLToPath(new URL('../out/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    // Rolldown's "plugins took a while" notice only says the machine was busy: nothing to act on.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
};

export default defineConfig(rendererConfig);
