// Renders build/icon.svg into the PNG icons electron-builder needs, in the local Chromium or Chrome.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { browserPathForPlaywright } from './find-browser.mjs';

const buildDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Linux wants a folder of NxN.png; Windows and macOS convert one large PNG (≥ 512) themselves. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** The tray icon (electron/main.ts) and the installers' icons; rendered when missing. */
export const ICON_PNG = path.join(buildDir, 'icon.png');

/** Renders every icon from build/icon.svg. */
export async function makeIcons() {
  const svg = await readFile(path.join(buildDir, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: browserPathForPlaywright() });
  try {
    const page = await browser.newPage();
    const render = async (size) => {
      await page.setViewportSize({ width: size, height: size });
      // The SVG is inlined as an <img> so it scales exactly to the viewport, on a transparent page.
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((img) => img.decode());
      return page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
    };
    await mkdir(path.join(buildDir, 'icons'), { recursive: true });
    for (const size of LINUX_SIZES) {
      await writeFile(path.join(buildDir, 'icons', `${size}x${size}.png`), await render(size));
    }
    await writeFile(path.join(buildDir, 'icon.png'), await render(1024));
    console.log(`Iconos generados en build/icons (${LINUX_SIZES.join(', ')}) y build/icon.png`);
  } finally {
    await browser.close();
  }
}

/**
 * For `npm start` / `npm run dev`: renders the icons only when build/icon.png is missing. A failure
 * (no Chromium) is one line, not a stop: the app runs, only the tray icon is blank.
 */
export async function ensureIcons() {
  if (existsSync(ICON_PNG)) return true;
  try {
    await makeIcons();
    return true;
  } catch (error) {
    console.warn(
      `No se pudo generar build/icon.png (${error instanceof Error ? error.message : error}): el icono de la bandeja saldrá vacío. Ejecuta \`npm run icons\`.`,
    );
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  makeIcons().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
