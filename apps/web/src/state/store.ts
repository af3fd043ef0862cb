export type Listener<T> = (value: T) => void;

/** A value that can be read, replaced and watched. Holds no DOM or Leaflet code, so any layer can use it. */
export class Store<T> {
  private readonly listeners = new Set<Listener<T>>();

  constructor(private current: T) {}

  get value(): T {
    return this.current;
  }

  subscribe(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected set(next: T): void {
    if (Object.is(next, this.current)) return;
    this.current = next;
    for (const listener of [...this.listeners]) listener(next);
  }
}

/** A Store anyone holding it may set: for small pieces of UI state that need no methods of their own. */
export class WritableStore<T> extends Store<T> {
  override set(next: T): void {
    super.set(next);
  }
}
