import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createChosenPaths,
  isUserChosenPath,
  rememberChosenPath,
} from '../../../electron/chosen-paths';

const base = path.resolve('/home/ana/Documentos');

describe('chosen paths', () => {
  it('trusts a path only after a dialog returned it', () => {
    const chosen = createChosenPaths();
    const file = path.join(base, 'copia.ccbackup');
    expect(chosen.has(file)).toBe(false);
    chosen.remember(file);
    expect(chosen.has(file)).toBe(true);
    expect(chosen.has(path.join(base, 'otra.ccbackup'))).toBe(false);
  });

  it('sees through dot segments and doubled separators to the same file', () => {
    const chosen = createChosenPaths();
    chosen.remember(path.join(base, 'copia.ccbackup'));
    expect(chosen.has(`${base}${path.sep}${path.sep}x${path.sep}..${path.sep}copia.ccbackup`)).toBe(
      true,
    );
  });

  it('never trusts a sibling reached by climbing out of a chosen folder', () => {
    const chosen = createChosenPaths();
    chosen.remember(path.join(base, 'copia.ccbackup'));
    expect(chosen.has(path.join(base, 'copia.ccbackup', '..', '..', '.ssh', 'id_rsa'))).toBe(false);
  });

  it('refuses relative paths, empty strings and NUL bytes even if remembered', () => {
    const chosen = createChosenPaths();
    for (const bad of ['copia.ccbackup', '', `${base}/a\0b`]) {
      chosen.remember(bad);
      expect(chosen.has(bad)).toBe(false);
    }
  });

  it('answers false for any path nobody chose (property)', () => {
    const chosen = createChosenPaths();
    chosen.remember(path.join(base, 'elegido.pdf'));
    fc.assert(
      fc.property(fc.string(), (name) => {
        fc.pre(name !== 'elegido.pdf' && !/[/\\]|^\.{0,2}$/.test(name));
        expect(chosen.has(path.join(base, name))).toBe(false);
      }),
    );
  });

  it('shares one set for the whole main process through the helpers', () => {
    const file = path.join(base, 'helpers-test.pdf');
    expect(isUserChosenPath(file)).toBe(false);
    rememberChosenPath(file);
    expect(isUserChosenPath(file)).toBe(true);
  });
});
