// The warm-up waits for the reads screens are waiting on: whenScreensQuiet settles only after them.
import { describe, expect, it } from 'vitest';
import { asScreenRead, whenScreensQuiet } from '../../../../renderer/src/db/screen-reads';

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
});
