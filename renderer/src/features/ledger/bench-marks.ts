// Marks the benchmark reads (only when the page was opened with ?bench); a no-op otherwise.
import { useEffect } from 'react';

const benchMode =
  typeof location !== 'undefined' && new URLSearchParams(location.search).has('bench');

interface BenchMarks {
  firstRowsAt: number | null;
  allRowsAt: number | null;
  /** When each screen last showed its final figures (no placeholder left), by screen name. */
  readyAt: Record<string, number>;
}

declare global {
  interface Window {
    __ccBenchMarks?: BenchMarks;
  }
}

// The hooks live in their own chunk: normal use never downloads or runs them.
if (benchMode) void import('./bench-hooks');
if (benchMode) void import('../sync/sync-bench-hooks');

/** Records when the ledger first showed rows, measured from the page's navigation start. */
export function reportFirstRows(): void {
  if (!benchMode) return;
  const marks = (window.__ccBenchMarks ??= { firstRowsAt: null, allRowsAt: null, readyAt: {} });
  // After the next frame: the rows have been painted, not only committed.
  requestAnimationFrame(() => {
    marks.firstRowsAt ??= performance.now();
  });
}

/** Records when the whole ledger (every invoice) was ready for search and filters. */
export function reportAllRows(): void {
  if (!benchMode) return;
  const marks = (window.__ccBenchMarks ??= { firstRowsAt: null, allRowsAt: null, readyAt: {} });
  requestAnimationFrame(() => {
    marks.allRowsAt ??= performance.now();
  });
}

/** Records, after the next frame, that `screen` shows its final figures (each time it does). */
export function reportReady(screen: string): void {
  if (!benchMode) return;
  const marks = (window.__ccBenchMarks ??= { firstRowsAt: null, allRowsAt: null, readyAt: {} });
  requestAnimationFrame(() => {
    marks.readyAt[screen] = performance.now();
  });
}

/** A screen's "data complete" mark: set once `ready` turns true after the screen mounts. */
export function useReadyMark(screen: string, ready: boolean): void {
  useEffect(() => {
    if (ready) reportReady(screen);
  }, [screen, ready]);
}
