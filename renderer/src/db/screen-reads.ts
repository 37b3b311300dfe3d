// The reads screens are waiting on, and the user's typing and clicking, so that work nobody waits
// for (the warm-up) starts after them: IndexedDB answers in order and the page has one thread, so
// a read ahead for a later screen would otherwise hold back the screen being opened (Hoy opened
// first waited 1,9 s behind the payments) or the keystroke being answered.
const inFlight = new Set<Promise<unknown>>();

/** Typing, clicking or scrolling this recently holds the warm-up back. */
export const INPUT_QUIET_MS = 1_000;
const INPUT_EVENTS = ['keydown', 'input', 'change', 'pointerdown', 'click', 'wheel'] as const;
let lastInputAt = Number.NEGATIVE_INFINITY;
let listening = false;

function listenForInput(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  const noted = () => {
    lastInputAt = performance.now();
  };
  for (const name of INPUT_EVENTS) {
    window.addEventListener(name, noted, { capture: true, passive: true });
  }
}

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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once no screen read is in flight, nobody has typed or clicked for INPUT_QUIET_MS, and
 * the page has had an idle moment after both.
 */
export async function whenScreensQuiet(): Promise<void> {
  listenForInput();
  for (;;) {
    if (inFlight.size > 0) {
      await Promise.allSettled([...inFlight]);
      continue;
    }
    const sinceInput = performance.now() - lastInputAt;
    if (sinceInput < INPUT_QUIET_MS) {
      await sleep(INPUT_QUIET_MS - sinceInput);
      continue;
    }
    await idleMoment();
    if (inFlight.size === 0 && performance.now() - lastInputAt >= INPUT_QUIET_MS) return;
  }
}
