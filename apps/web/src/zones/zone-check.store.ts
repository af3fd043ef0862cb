import { failureKindOf } from '../api/api-error';
import type { SamverkanApi } from '../api/samverkan-api';
import { Store } from '../state/store';
import { checkEdgeOf, type CheckEdge } from './check-edge';
import { checkAnswerOf, type CheckAnswer } from './zone-check-answer';

export interface GeoPosition {
  lat: number;
  lng: number;
  /** Metres (95 % radius as the browser reports it). */
  accuracy: number;
}

export type LocateFailure = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

export class LocateError extends Error {
  override readonly name = 'LocateError';
  constructor(readonly reason: LocateFailure) {
    super(`Could not find the position: ${reason}`);
  }
}

export type CheckFailure = LocateFailure | 'network' | 'server';

export type CheckState =
  | { status: 'idle' }
  | { status: 'locating' }
  | { status: 'checking'; position: GeoPosition }
  | { status: 'answered'; position: GeoPosition; answer: CheckAnswer; edge: CheckEdge; at: string }
  | { status: 'failed'; reason: CheckFailure; position: GeoPosition | null };

/** The check radius: zones this near are listed as nearby. */
export const NEARBY_RADIUS_METERS = 300;

/**
 * "Am I in a zone?": finds the position (through `locate`, the browser's geolocation) and asks the check
 * endpoint. The position is kept here for the map only, never stored and never sent anywhere else.
 */
export class ZoneCheckStore extends Store<CheckState> {
  private run = 0;

  constructor(
    private readonly api: SamverkanApi,
    private readonly locate: () => Promise<GeoPosition>,
  ) {
    super({ status: 'idle' });
  }

  async check(): Promise<void> {
    const run = ++this.run;
    this.set({ status: 'locating' });
    let position: GeoPosition;
    try {
      position = await this.locate();
    } catch (error) {
      if (run === this.run)
        this.set({
          status: 'failed',
          reason: error instanceof LocateError ? error.reason : 'unavailable',
          position: null,
        });
      return;
    }
    if (run !== this.run) return;
    this.set({ status: 'checking', position });
    try {
      const response = await this.api.zones.check(position, NEARBY_RADIUS_METERS);
      if (run === this.run)
        this.set({
          status: 'answered',
          position,
          answer: checkAnswerOf(response),
          edge: checkEdgeOf(response, position.accuracy),
          at: response.at,
        });
    } catch (error) {
      const reason = failureKindOf(error);
      if (run === this.run) this.set({ status: 'failed', reason, position });
    }
  }

  /** Closes the answer and forgets the position. */
  clear(): void {
    this.run++;
    this.set({ status: 'idle' });
  }
}
