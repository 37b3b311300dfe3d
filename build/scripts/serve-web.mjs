// Serves the built web mode (out/web) at http://127.0.0.1:4173, or on $PORT.
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';

const port = Number(process.env.PORT || 4173);
const server = await preview({
  configFile: fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url)),
  preview: { port },
});
server.printUrls();
