// Hybrid logical clocks: a total order of edits across devices that follows wall time when clocks agree.

/** `${13-digit epoch ms}.${6-digit counter}.${deviceId}`: comparing the strings compares the clocks. */
export type SyncClock = string;

const MS_WIDTH = 13;
const COUNTER_WIDTH = 6;

export interface ClockParts {
  ms: number;
  counter: number;
  deviceId: string;
}

export function formatClock(parts: ClockParts): SyncClock {
  return `${String(parts.ms).padStart(MS_WIDTH, '0')}.${String(parts.counter).padStart(COUNTER_WIDTH, '0')}.${parts.deviceId}`;
}

export function parseClock(clock: SyncClock): ClockParts {
  const [ms, counter, ...device] = clock.split('.');
  return { ms: Number(ms), counter: Number(counter), deviceId: device.join('.') };
}

/** Negative, zero or positive as a is earlier, equal or later than b. */
export function compareClocks(a: SyncClock, b: SyncClock): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxClock(
  a: SyncClock | null | undefined,
  b: SyncClock | null | undefined,
): SyncClock | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return compareClocks(a, b) >= 0 ? a : b;
}

/**
 * The next clock of a device: later than everything it has seen (`last`, local or remote), and
 * at wall time when the wall clock is ahead.
 */
export function tickClock(last: SyncClock | null, nowMs: number, deviceId: string): SyncClock {
  if (!last) return formatClock({ ms: nowMs, counter: 0, deviceId });
  const seen = parseClock(last);
  if (nowMs > seen.ms) return formatClock({ ms: nowMs, counter: 0, deviceId });
  return formatClock({ ms: seen.ms, counter: seen.counter + 1, deviceId });
}

/** The instant a clock was made (for showing "when"), as an ISO string. */
export function clockInstant(clock: SyncClock): string {
  return new Date(parseClock(clock).ms).toISOString();
}
