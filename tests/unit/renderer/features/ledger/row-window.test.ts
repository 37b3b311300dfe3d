import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scrollFor, windowRange } from '../../../../../renderer/src/features/ledger/row-window';

describe('the ledger row window', () => {
  it('renders the visible rows and the overscan around them, never past the ends', () => {
    // 100,000 rows of 33 px in a 600 px viewport scrolled to row 1,000.
    expect(windowRange(100_000, 33, 33_000, 600, 12)).toEqual({ start: 988, end: 1_032 });
    expect(windowRange(100_000, 33, 0, 600, 12)).toEqual({ start: 0, end: 32 });
    expect(windowRange(5, 33, 0, 600, 12)).toEqual({ start: 0, end: 5 });
    expect(windowRange(0, 33, 0, 600, 12)).toEqual({ start: 0, end: 0 });
  });

  it('a list that shrank under a scrolled element shows its last rows, not nothing', () => {
    // Scrolled to row 50,000, then a search keeps 40 rows.
    expect(windowRange(40, 33, 1_650_000, 600, 12)).toEqual({ start: 8, end: 40 });
  });

  it('every row on screen is rendered, whatever the scroll, count and viewport', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 7_000_000 }),
        fc.integer({ min: 0, max: 3_000 }),
        (count, scrollTop, viewport) => {
          const { start, end } = windowRange(count, 33, scrollTop, viewport, 12);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(count);
          expect(end - start).toBeLessThanOrEqual(Math.ceil(viewport / 33) + 1 + 24);
          // The browser clamps the scroll to the list's height: those rows are all rendered.
          const top = Math.min(scrollTop, Math.max(0, count * 33 - viewport));
          const firstSeen = Math.floor(top / 33);
          const lastSeen = Math.min(count, Math.ceil((top + viewport) / 33));
          if (count > 0) {
            expect(start).toBeLessThanOrEqual(firstSeen);
            expect(end).toBeGreaterThanOrEqual(lastSeen);
          }
        },
      ),
    );
  });

  it('scrolls the least that shows a row below the sticky header, or not at all', () => {
    // Header 70 px, viewport 400 px, scrolled to 330 px: rows 10 to 12 show in full.
    expect(scrollFor(11, 33, 70, 330, 400)).toBe(330);
    // Row 9 is under the header: its top comes just below it.
    expect(scrollFor(9, 33, 70, 330, 400)).toBe(297);
    // Row 30 is below the viewport: its bottom comes to the viewport's bottom.
    expect(scrollFor(30, 33, 70, 330, 400)).toBe(70 + 31 * 33 - 400);
    expect(scrollFor(0, 33, 70, 5_000, 400)).toBe(0);
  });
});
