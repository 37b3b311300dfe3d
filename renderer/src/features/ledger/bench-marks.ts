// Marks the benchmark reads (only when the page was opened with ?bench); a no-op otherwise.
const benchMode =
  typeof location !== 'undefined' && new URLSearchParams(location.search).has('bench');

interface BenchMarks {
  firstRowsAt: number | null;
  allRowsAt: number | null;
}

declare global {
  interface Window {
    __ccBenchMarks?: BenchMarks;
  }
}

// The hooks live in their own chunk: normal use never downloads or runs them.
if (benchMode) void import('./bench-hooks');

/** Records when the ledger first showed rows, measured from the page's navigation start. */
export function reportFirstRows(): void {
  if (!benchMode) return;
  const marks = (window.__ccBenchMarks ??= { firstRowsAt: null, allRowsAt: null });
  // After the next frame: the rows have been painted, not only committed.
  requestAnimationFrame(() => {
    marks.firstRowsAt ??= performance.now();
  });
}

/** Records when the whole ledger (every invoice) was ready for search and filters. */
export function reportAllRows(): void {
  if (!benchMode) return;
  const marks = (window.__ccBenchMarks ??= { firstRowsAt: null, allRowsAt: null });
  requestAnimationFrame(() => {
    marks.allRowsAt ??= performance.now();
  });
}
