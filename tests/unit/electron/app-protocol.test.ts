import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { contentTypeFor, resolveAppUrl } = await import('../../../electron/app-protocol');

const ROOT = path.resolve('/srv/cuentas/out/renderer');
const inRoot = (...parts: string[]) => path.join(ROOT, ...parts);

describe('resolveAppUrl', () => {
  it.each([
    ['app://cuentas-claras/index.html', inRoot('index.html')],
    ['app://cuentas-claras/', inRoot('index.html')],
    ['app://cuentas-claras', inRoot('index.html')],
    ['app://cuentas-claras/assets/index-abc123.js', inRoot('assets', 'index-abc123.js')],
    ['app://cuentas-claras/assets/logo%20nuevo.svg', inRoot('assets', 'logo nuevo.svg')],
    ['app://cuentas-claras/assets/app.css?v=2#x', inRoot('assets', 'app.css')],
    ['app://CUENTAS-CLARAS/index.html', inRoot('index.html')],
  ])('serves %s from the build folder', (url, expected) => {
    expect(resolveAppUrl(url, ROOT)).toBe(expected);
  });

  it('falls back to index.html for a client-side route', () => {
    expect(resolveAppUrl('app://cuentas-claras/clients/42', ROOT)).toBe(inRoot('index.html'));
  });

  it.each([
    'app://cuentas-claras/..%2f..%2fetc%2fpasswd',
    'app://cuentas-claras/..%2fsecret.txt',
    'app://cuentas-claras/assets/%2E%2E%2F%2E%2E%2F..%2Fetc%2Fpasswd',
    'app://cuentas-claras/..%5c..%5cwindows%5cwin.ini',
    'app://cuentas-claras/assets\\..\\..\\secret.txt',
    'app://cuentas-claras/C:/Windows/win.ini',
    'app://cuentas-claras/c%3a%5cwindows%5cwin.ini',
    'app://cuentas-claras/index.html%00.png',
    'app://cuentas-claras/%E0%A4%A',
    'app://cuentas-claras.evil.com/index.html',
    'app://evil/index.html',
    'app://user@cuentas-claras/index.html',
    'app://cuentas-claras:99/index.html',
    'file:///etc/passwd',
    'https://cuentas-claras/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppUrl(url, ROOT)).toBeNull();
  });

  it.each([
    // The URL parser folds literal and %2e dot segments before we see them: they cannot climb.
    ['app://cuentas-claras/../../etc/passwd', inRoot('index.html')],
    ['app://cuentas-claras/%2e%2e/%2e%2e/secret.txt', inRoot('secret.txt')],
    // Double encoding is decoded once: a file literally named "%2e%2e" inside the root.
    ['app://cuentas-claras/%252e%252e/secret.txt', inRoot('%2e%2e', 'secret.txt')],
  ])('keeps %s inside the build folder', (url, expected) => {
    expect(resolveAppUrl(url, ROOT)).toBe(expected);
  });
});

describe('contentTypeFor', () => {
  it('names scripts, pages and fonts, and falls back to bytes', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/f.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/blob.bin')).toBe('application/octet-stream');
  });
});
