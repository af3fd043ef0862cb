import { defineFeature } from './feature-registry';

/** Past this the rest is asked for even if the map's data has not come: a stalled request must not hold it all. */
const LONGEST_WAIT_MS = 5000;

/**
 * The order of the first requests after sign-in: what the first view of the map needs (the sites) has the
 * network to itself, and what can wait (the zones' list, the phone's zone snapshot) is asked for once it has
 * come or failed. On a slow phone network the requests would otherwise share the bandwidth and all arrive late.
 */
export class FirstView {
  readonly shown: Promise<void>;
  private open!: () => void;
  private disposed = false;

  constructor(setTimer: (run: () => void, ms: number) => unknown) {
    this.shown = new Promise((resolve) => (this.open = resolve));
    setTimer(() => this.open(), LONGEST_WAIT_MS);
  }

  /** The first view's data has come (or will not): the rest may be asked for. */
  done(): void {
    this.open();
  }

  /** Runs `request` once the first view's data has come; at once if it already has. */
  after(request: () => void): void {
    void this.shown.then(() => {
      if (!this.disposed) request();
    });
  }

  /** Signed out before the first view's data came: nothing more is asked for. */
  dispose(): void {
    this.disposed = true;
    this.open();
  }
}

export const firstViewFeature = defineFeature('first view', ({ browser }) => new FirstView((run, ms) => browser.setTimeout(run, ms)));
