import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TOASTS, useUiStore } from '../../../../renderer/src/store/ui-store';

afterEach(() => useUiStore.setState({ toasts: [] }));

describe('toasts', () => {
  it('keeps at most three at once, dropping the oldest', () => {
    const { showToast } = useUiStore.getState();
    for (const message of ['uno', 'dos', 'tres', 'cuatro', 'cinco']) {
      showToast({ tone: 'success', message });
    }
    const toasts = useUiStore.getState().toasts;
    expect(MAX_TOASTS).toBe(3);
    expect(toasts.map((toast) => toast.message)).toEqual(['tres', 'cuatro', 'cinco']);
  });
});
