// The app:// origin the production renderer is served from, and the mapping of its URLs to built files.
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'cuentas-claras';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** True when `url` is exactly our origin: app scheme, our host, no credentials, no port. */
export function isAppOrigin(url: URL): boolean {
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname.toLowerCase() === APP_HOST &&
    url.username === '' &&
    url.password === '' &&
    url.port === ''
  );
}

/**
 * The file under `rootDir` that an app:// URL names, or null when the URL is not ours or its
 * path would leave `rootDir` (`..`, encoded traversal, backslashes, drive letters, NUL).
 * Paths without an extension fall back to index.html so client-side routes survive a reload.
 */
export function resolveAppUrl(url: string, rootDir: string): string | null {
  let parsed: URL;
  let pathname: string;
  try {
    parsed = new URL(url);
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (!isAppOrigin(parsed)) return null;
  if (/[\\\0:]/.test(pathname)) return null;
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;

  const relative =
    segments.length === 0 || pathname.endsWith('/') ? [...segments, 'index.html'] : segments;
  const last = relative[relative.length - 1] ?? 'index.html';
  const target = path.extname(last) === '' ? ['index.html'] : relative;

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...target);
  const fromRoot = path.relative(root, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return filePath;
}

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
