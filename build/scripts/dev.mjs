// `npm run dev`: electron-vite with hot reload, or the renderer's Vite dev server in a browser.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import {
  downloadElectronBinary,
  electronBinaryPath,
  electronViteArgs,
  run,
} from './electron-binary.mjs';
import { ensureIcons } from './make-icons.mjs';

if (electronBinaryPath() ?? downloadElectronBinary()) {
  // The tray shows build/icon.png (generated, not committed): render it on a fresh checkout.
  await ensureIcons();
  process.exit(await run(process.execPath, electronViteArgs('dev')));
} else {
  console.log(
    'Electron no está disponible en esta máquina (no se pudo descargar): se abre el modo web con recarga en caliente en http://127.0.0.1:5173',
  );
  const server = await createServer({
    configFile: fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url)),
  });
  await server.listen();
  server.printUrls();
}
