import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';

function directives(): Map<string, string[]> {
  return new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
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
});
