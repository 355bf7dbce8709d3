// The current time as state, ticking only while something on screen counts down.
import { useEffect, useState } from 'react';

const TICK_MS = 250;

/** Returns Date.now(), re-rendering every quarter second while `isTicking`. */
export function useNow(isTicking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!isTicking) return;
    const id = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(id);
  }, [isTicking]);
  return now;
}
