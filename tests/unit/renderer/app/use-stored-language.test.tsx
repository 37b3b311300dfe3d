// @vitest-environment jsdom
// The stored language is applied once read, unless the user chose one while the read waited (a large
// ledger's first read holds it back for seconds): the newer choice stays on screen.
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Preferences } from '../../../../shared/domain/records';
import { useStoredLanguage } from '../../../../renderer/src/app/use-stored-language';
import { useUiStore } from '../../../../renderer/src/store/ui-store';

let answer: (preferences: Preferences) => void = () => undefined;
vi.mock('../../../../renderer/src/db/settings-repo', () => ({
  getPreferences: () =>
    new Promise<Preferences>((resolve) => {
      answer = resolve;
    }),
}));
vi.mock('../../../../renderer/src/db/database', () => ({ getDb: () => ({}) }));

function Harness() {
  useStoredLanguage();
  return null;
}

afterEach(() => {
  cleanup();
  useUiStore.setState({ language: 'es' });
});

describe('useStoredLanguage', () => {
  it('applies the stored language once read, and sets the page lang', async () => {
    render(<Harness />);
    expect(useUiStore.getState().language).toBe('es');
    await act(async () => {
      answer({ language: 'en' });
      await Promise.resolve();
    });
    expect(useUiStore.getState().language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('keeps a language chosen while the read waited', async () => {
    render(<Harness />);
    act(() => useUiStore.getState().setLanguage('en'));
    await act(async () => {
      answer({ language: 'es' });
      await Promise.resolve();
    });
    expect(useUiStore.getState().language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
