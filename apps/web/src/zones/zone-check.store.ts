import type { ZoneCheckResponse } from '@samverkan/contracts';
import { failureKindOf } from '../api/api-error';
import type { SamverkanApi } from '../api/samverkan-api';
import { Store } from '../state/store';
import { checkEdgeOf, type CheckEdge } from './check-edge';
import { checkAnswerOf, type CheckAnswer } from './zone-check-answer';
import type { ZoneSnapshotStore } from './zone-snapshot.store';

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
  | {
      status: 'answered';
      position: GeoPosition;
      answer: CheckAnswer;
      edge: CheckEdge;
      at: string;
      /** Answered on the phone from the zones synced then; null when the api answered. */
      zonesSyncedAt: string | null;
      /** The phone's zones are older than a day: they may be out of date. */
      zonesStale: boolean;
    }
  | { status: 'failed'; reason: CheckFailure; position: GeoPosition | null };

/** The check radius: zones this near are listed as nearby. */
export const NEARBY_RADIUS_METERS = 300;

/**
 * "Am I in a zone?": finds the position (through `locate`, the browser's geolocation) and answers from the zones
 * kept on the phone when they were synced within a day, so the position is sent nowhere. Without such a copy it
 * asks the check endpoint, and when that cannot be reached it answers from an older copy, saying how old.
 * The position is kept here for the map only, never stored.
 */
export class ZoneCheckStore extends Store<CheckState> {
  private run = 0;

  constructor(
    private readonly api: SamverkanApi,
    private readonly locate: () => Promise<GeoPosition>,
    private readonly snapshots: ZoneSnapshotStore | null = null,
    private readonly now: () => number = Date.now,
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
    if (this.snapshots) await this.snapshots.ready();
    if (run !== this.run) return;
    const freshness = this.snapshots?.freshness() ?? 'none';
    if (freshness === 'fresh' && this.answerOnPhone(position, false)) return;
    this.set({ status: 'checking', position });
    try {
      const response = await this.api.zones.check(position, NEARBY_RADIUS_METERS);
      if (run === this.run) this.answer(position, response, null, false);
    } catch (error) {
      if (run !== this.run) return;
      const reason = failureKindOf(error);
      // Out of reach: an older copy of the zones is better than no answer, with its age said.
      if (reason === 'network' && freshness === 'stale' && this.answerOnPhone(position, true)) return;
      this.set({ status: 'failed', reason, position });
    }
  }

  private answerOnPhone(position: GeoPosition, stale: boolean): boolean {
    const { index, stored } = this.snapshots?.value ?? { index: null, stored: null };
    if (!index || !stored) return false;
    const response = index.check(position, NEARBY_RADIUS_METERS, new Date(this.now()));
    this.answer(position, response, stored.syncedAt, stale);
    return true;
  }

  private answer(
    position: GeoPosition,
    response: ZoneCheckResponse,
    zonesSyncedAt: string | null,
    zonesStale: boolean,
  ): void {
    this.set({
      status: 'answered',
      position,
      answer: checkAnswerOf(response),
      edge: checkEdgeOf(response, position.accuracy),
      at: response.at,
      zonesSyncedAt,
      zonesStale,
    });
  }

  /** Closes the answer and forgets the position. */
  clear(): void {
    this.run++;
    this.set({ status: 'idle' });
  }
}
