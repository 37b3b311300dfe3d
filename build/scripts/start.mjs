// `npm start`: build and open the desktop app, or fall back to web mode where Electron has no binary.
import { electronBinaryPath, electronViteArgs, run } from './electron-binary.mjs';
import { ensureIcons } from './make-icons.mjs';

const electron = electronBinaryPath();

if (electron) {
  // The tray shows build/icon.png (generated, not committed): render it on a fresh checkout.
  await ensureIcons();
  const built = await run(process.execPath, electronViteArgs('build'));
  process.exit(built === 0 ? await run(electron, ['.']) : built);
} else {
  const port = process.env.PORT || '4173';
  console.log(
    `Electron no está disponible en esta máquina (sin binario descargable): se abre el modo web en http://127.0.0.1:${port}`,
  );
  const npm = process.env.npm_execpath;
  process.exit(
    npm
      ? await run(process.execPath, [npm, 'run', 'web'])
      : await run('npm', ['run', 'web'], { shell: process.platform === 'win32' }),
  );
}
