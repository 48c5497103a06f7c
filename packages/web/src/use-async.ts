/** Loads data for a page: loading, error and data states, and a reload; stale answers are dropped. */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Async<T> {
  loading: boolean;
  error: Error | null;
  data: T | undefined;
  reload: () => void;
}

export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): Async<T> {
  const [state, setState] = useState<{ loading: boolean; error: Error | null; data: T | undefined }>({ loading: true, error: null, data: undefined });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const n = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => n === seq.current && setState({ loading: false, error: null, data }),
      (error: Error) => n === seq.current && setState((s) => ({ loading: false, error, data: s.data })),
    );
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
