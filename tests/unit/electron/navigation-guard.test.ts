import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { isAppUrl } = await import('../../../electron/navigation-guard');

const DEV_URL = 'http://127.0.0.1:5173';

describe('isAppUrl', () => {
  it.each([
    'app://cuentas-claras/index.html',
    'app://cuentas-claras/',
    'app://cuentas-claras/ledger?x=1#a',
  ])('accepts our own origin: %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://cuentas-claras.evil.com/index.html',
    'app://evil/',
    'app://evil.com/cuentas-claras',
    'app://cuentas-claras@evil.com/',
    'app://user:pass@cuentas-claras/',
    'app://cuentas-claras:8080/',
    'apps://cuentas-claras/',
    'https://cuentas-claras/',
    'http://127.0.0.1:5173@evil.com',
    'http://127.0.0.1:5173/',
    'javascript:alert(1)',
    'javascript:',
    'file:///etc/passwd',
    'file://cuentas-claras/index.html',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    '',
    'not a url',
  ])('refuses a foreign or spoofed URL without a dev server: %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('accepts the dev server origin only when it is given', () => {
    expect(isAppUrl('http://127.0.0.1:5173/src/main.tsx', DEV_URL)).toBe(true);
    expect(isAppUrl('app://cuentas-claras/index.html', DEV_URL)).toBe(true);
  });

  it.each([
    'http://127.0.0.1:5173@evil.com',
    'http://127.0.0.1:5173@evil.com/',
    'http://user@127.0.0.1:5173/',
    'http://127.0.0.1:5174/',
    'https://127.0.0.1:5173/',
    'http://127.0.0.1.evil.com:5173/',
    'http://localhost:5173/',
    'javascript:fetch("http://127.0.0.1:5173")',
    'file:///etc/passwd',
  ])('refuses look-alikes of the dev server: %s', (url) => {
    expect(isAppUrl(url, DEV_URL)).toBe(false);
  });

  it('never trusts a dev URL that is not http(s)', () => {
    expect(isAppUrl('file:///etc/passwd', 'file:///etc/passwd')).toBe(false);
    expect(isAppUrl('javascript:alert(1)', 'javascript:alert(1)')).toBe(false);
  });
});
