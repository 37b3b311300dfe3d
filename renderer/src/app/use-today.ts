// Today's calendar date; the one place the UI reads the clock, refreshed when the day changes.
import { useEffect, useState } from 'react';
import { todayLocal } from '../../../shared/domain/dates';

export function useToday(): string {
  const [today, setToday] = useState(() => todayLocal());
  useEffect(() => {
    const timer = setInterval(() => setToday(todayLocal()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}
