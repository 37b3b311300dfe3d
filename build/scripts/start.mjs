// `npm start`: build and open the desktop app, or fall back to web mode where Electron has no binary.
// It prints only what the user needs: where the app is (or why it is in web mode) and errors.
import {
  downloadElectronBinary,
  electronBinaryPath,
  electronViteArgs,
  run,
} from './electron-binary.mjs';
import { ensureIcons } from './make-icons.mjs';
import { buildWeb, serveWeb } from './web-mode.mjs';

const electron = electronBinaryPath() ?? downloadElectronBinary();

if (electron) {
  // The tray shows build/icon.png (generated, not committed): render it on a fresh checkout.
  await ensureIcons();
  const built = await run(process.execPath, electronViteArgs('build', '--logLevel', 'warn'));
  if (built === 0) console.log('Abriendo Cuentas Claras en una ventana de escritorio…');
  process.exit(built === 0 ? await run(electron, ['.']) : built);
} else {
  console.log(
    'Electron no está disponible en esta máquina (no se pudo descargar): se abre el modo web.',
  );
  await buildWeb();
  const address = await serveWeb();
  console.log(`Cuentas Claras está en ${address} — ábrela en el navegador (Ctrl+C para parar).`);
}
