// The reads screens are waiting on, so that work nobody waits for (the warm-up) starts after them:
// IndexedDB answers in order and the page has one thread, so a read ahead for a later screen would
// otherwise hold back the screen being opened (Hoy opened first waited 1,9 s behind the payments).
const inFlight = new Set<Promise<unknown>>();

/** Marks `read` as a screen's until it settles; gives it back. */
export function asScreenRead<T>(read: Promise<T>): Promise<T> {
  inFlight.add(read);
  const settled = () => {
    inFlight.delete(read);
  };
  read.then(settled, settled);
  return read;
}

/** A moment the page has nothing else to do (rendering included), or the next task without one. */
function idleMoment(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(() => resolve(), { timeout: 1_000 });
    } else setTimeout(resolve, 0);
  });
}

/** Resolves once no screen read is in flight and the page has had an idle moment after the last. */
export async function whenScreensQuiet(): Promise<void> {
  for (;;) {
    if (inFlight.size > 0) {
      await Promise.allSettled([...inFlight]);
      continue;
    }
    await idleMoment();
    if (inFlight.size === 0) return;
  }
}
