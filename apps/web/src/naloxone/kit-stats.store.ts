import type { KitStats } from '@samverkan/contracts';
import { ApiError, failureKindOf } from '../api/api-error';
import { Store } from '../state/store';
import type { NaloxoneApi } from './naloxone-api';

export type KitStatsState =
  | { status: 'loading' }
  | { status: 'ready'; stats: KitStats[] }
  | { status: 'error'; failure: 'network' | 'server' | 'forbidden' };

/** Kits per police organisation, for naloxone sites planning resupply (and for coordinators). */
export class KitStatsStore extends Store<KitStatsState> {
  constructor(private readonly api: NaloxoneApi) {
    super({ status: 'loading' });
  }

  async load(): Promise<void> {
    try {
      const stats = await this.api.kits.stats();
      this.set({
        status: 'ready',
        stats: [...stats].sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'sv')),
      });
    } catch (error) {
      const failure = error instanceof ApiError && error.status === 403 ? 'forbidden' : failureKindOf(error);
      this.set({ status: 'error', failure });
    }
  }
}
