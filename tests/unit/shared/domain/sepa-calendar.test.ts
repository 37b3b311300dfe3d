import { describe, expect, it } from 'vitest';
import {
  businessDayOnOrAfter,
  earliestCollectionDate,
  isTargetBusinessDay,
} from '../../../../shared/domain/sepa-calendar';

describe('SEPA calendar', () => {
  it('closes on weekends and on the TARGET holidays', () => {
    expect(isTargetBusinessDay('2026-11-23')).toBe(true); // Monday
    expect(isTargetBusinessDay('2026-11-28')).toBe(false); // Saturday
    expect(isTargetBusinessDay('2026-04-03')).toBe(false); // Good Friday 2026
    expect(isTargetBusinessDay('2026-04-06')).toBe(false); // Easter Monday 2026
    expect(isTargetBusinessDay('2027-03-26')).toBe(false); // Good Friday 2027
    expect(isTargetBusinessDay('2026-12-25')).toBe(false);
    expect(isTargetBusinessDay('2026-12-24')).toBe(true);
  });

  it('a file made today collects one business day later at the earliest', () => {
    expect(earliestCollectionDate('2026-11-23')).toBe('2026-11-24');
    expect(earliestCollectionDate('2026-11-27')).toBe('2026-11-30'); // Friday → Monday
    expect(earliestCollectionDate('2026-12-24')).toBe('2026-12-28');
  });

  it('a collection on a closed day rolls to the next business day', () => {
    expect(businessDayOnOrAfter('2026-12-20')).toBe('2026-12-21'); // Sunday
    expect(businessDayOnOrAfter('2026-12-21')).toBe('2026-12-21');
  });
});
