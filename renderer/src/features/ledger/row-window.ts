// Which rows of a fixed-height list a scrolling element shows: constant work per render, whatever
// the count (a measuring virtualizer rebuilds one object per row each time a keystroke changes it).
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

export interface RowWindow {
  /** Rows `start` (inclusive) to `end` (exclusive) are rendered, with spacers for the rest. */
  start: number;
  end: number;
  paddingTop: number;
  paddingBottom: number;
  /** Scrolls the least needed for row `index` to show below the element's sticky header. */
  scrollToIndex: (index: number) => void;
}

/** The rendered range for a scroll position: the visible rows and `overscan` more on each side. */
export function windowRange(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewport: number,
  overscan: number,
): { start: number; end: number } {
  const visible = Math.ceil(viewport / rowHeight) + 1;
  // A list that shrank under a scrolled element: its last rows, until the browser clamps the scroll.
  const first = Math.max(0, Math.min(Math.floor(scrollTop / rowHeight), count - visible));
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(count, first + visible + overscan),
  };
}

/** The least scroll that shows row `index` (its top at `header + index * rowHeight`) in full. */
export function scrollFor(
  index: number,
  rowHeight: number,
  header: number,
  scrollTop: number,
  viewport: number,
): number {
  const top = header + index * rowHeight;
  if (top < scrollTop + header) return top - header;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return scrollTop;
}

/**
 * `rowSelector` finds a rendered row, whose height is measured (rows are `estimate` px until then:
 * borders and a button's line box make them a little taller than their set height).
 */
export function useRowWindow(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  estimate: number,
  overscan: number,
  rowSelector: string,
): RowWindow {
  const [rowHeight, setRowHeight] = useState(estimate);
  // The first visible row, not the pixel offset: scrolling inside a row renders nothing.
  const [firstRow, setFirstRow] = useState(0);
  const [viewport, setViewport] = useState(() =>
    typeof window === 'undefined' ? 800 : window.innerHeight,
  );
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const onScroll = () => setFirstRow(Math.floor(element.scrollTop / rowHeight));
    const onResize = () => setViewport(element.clientHeight);
    onScroll();
    onResize();
    element.addEventListener('scroll', onScroll, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onResize);
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, [scrollRef, rowHeight]);
  const { start, end } = windowRange(count, rowHeight, firstRow * rowHeight, viewport, overscan);
  const hasRows = end > start;
  useLayoutEffect(() => {
    const row = hasRows ? scrollRef.current?.querySelector(rowSelector) : null;
    const height = row?.getBoundingClientRect().height ?? 0;
    if (height > 0) setRowHeight(height);
  }, [scrollRef, rowSelector, hasRows, viewport]);
  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      if (!element) return;
      const header = element.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      const target = scrollFor(index, rowHeight, header, element.scrollTop, element.clientHeight);
      if (target !== element.scrollTop) element.scrollTop = target;
    },
    [scrollRef, rowHeight],
  );
  return {
    start,
    end,
    paddingTop: start * rowHeight,
    paddingBottom: (count - end) * rowHeight,
    scrollToIndex,
  };
}
