// Web mode: the renderer built into out/web and served at http://127.0.0.1:4173 (or $PORT), quietly.
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const configFile = fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url));

/** Builds out/web, printing only warnings and errors. */
export async function buildWeb() {
  await build({ configFile, logLevel: 'warn' });
}

/** Serves out/web; resolves with its address once it listens. */
export async function serveWeb(port = Number(process.env.PORT || 4173)) {
  const server = await preview({ configFile, logLevel: 'warn', preview: { port } });
  return server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? `http://127.0.0.1:${port}`;
}
