import { useEffect, useState } from 'preact/hooks';
import type { Store } from './store';

/** Re-renders the component whenever the store's value changes. */
export function useStore<T>(store: Store<T>): T {
  const [value, setValue] = useState(() => store.value);
  useEffect(() => {
    // The value may have changed between the first render and this effect.
    setValue(() => store.value);
    return store.subscribe((next) => setValue(() => next));
  }, [store]);
  return value;
}
