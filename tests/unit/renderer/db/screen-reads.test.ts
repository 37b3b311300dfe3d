// The warm-up waits for the reads screens are waiting on and for the user to stop typing:
// whenScreensQuiet settles only after them.
import { describe, expect, it, vi } from 'vitest';
import {
  asScreenRead,
  INPUT_QUIET_MS,
  whenScreensQuiet,
} from '../../../../renderer/src/db/screen-reads';

// The page the listeners go on: the events a keystroke or a click sends.
const page = new EventTarget();
vi.stubGlobal('window', page);

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('screen reads', () => {
  it('hold the warm-up back until every one has settled, failed ones too', async () => {
    const first = deferred<number>();
    const second = deferred<number>();
    expect(await asScreenRead(Promise.resolve(7))).toBe(7);
    void asScreenRead(first.promise);
    asScreenRead(second.promise).catch(() => undefined);
    let quiet = false;
    void whenScreensQuiet().then(() => {
      quiet = true;
    });
    await flush();
    expect(quiet).toBe(false);
    first.resolve(1);
    await flush();
    expect(quiet).toBe(false);
    // A read started while waiting is waited for as well.
    const third = deferred<number>();
    void asScreenRead(third.promise);
    second.reject(new Error('the screen shows this one'));
    await flush();
    expect(quiet).toBe(false);
    third.resolve(3);
    await flush();
    expect(quiet).toBe(true);
  });

  it('lets the warm-up go at once when no screen is reading', async () => {
    await expect(whenScreensQuiet()).resolves.toBeUndefined();
  });

  it('waits while the user types, and goes once the typing has stopped a while', async () => {
    await whenScreensQuiet(); // listening from here on
    page.dispatchEvent(new Event('input'));
    const started = performance.now();
    let quietAt = 0;
    const quiet = whenScreensQuiet().then(() => {
      quietAt = performance.now();
    });
    await new Promise((resolve) => setTimeout(resolve, INPUT_QUIET_MS / 2));
    expect(quietAt).toBe(0);
    page.dispatchEvent(new Event('keydown'));
    const lastKey = performance.now();
    await quiet;
    expect(quietAt - lastKey).toBeGreaterThanOrEqual(INPUT_QUIET_MS - 5);
    expect(quietAt - started).toBeGreaterThanOrEqual(1.5 * INPUT_QUIET_MS - 5);
  });
});
