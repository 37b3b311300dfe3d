import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  WEB_SYNC_CONNECT_SOURCES,
} from '../../../shared/csp';

function directives(policy = CONTENT_SECURITY_POLICY): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('content security policy', () => {
  it('never allows eval or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives().get('script-src')).toEqual(["'self'"]);
  });

  it('loads nothing from other origins and allows no plugins, frames or form posts', () => {
    for (const values of directives().values()) {
      for (const value of values) expect(value).not.toMatch(/^(https?:|\*|wss?:)/);
    }
    expect(directives().get('object-src')).toEqual(["'none'"]);
    expect(directives().get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives().get('form-action')).toEqual(["'none'"]);
  });

  it('in a <meta> (web mode) keeps every directive but those a meta tag cannot carry', () => {
    const header = directives();
    const meta = directives(META_CONTENT_SECURITY_POLICY);
    for (const name of ['frame-ancestors', 'report-uri', 'sandbox'])
      expect(meta.has(name)).toBe(false);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    header.delete('frame-ancestors');
    // Web mode's sync talks to the configured CouchDB: HTTPS, or a server on this computer.
    expect(meta.get('connect-src')).toEqual([
      ...(header.get('connect-src') ?? []),
      'https:',
      'http://localhost:*',
      'http://127.0.0.1:*',
    ]);
    expect(WEB_SYNC_CONNECT_SOURCES).not.toContain('http:');
    header.delete('connect-src');
    meta.delete('connect-src');
    expect(meta).toEqual(header);
  });
});
