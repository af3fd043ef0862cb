import type { KitReplacement } from '@samverkan/contracts';
import { Store } from '../state/store';
import type { NaloxoneApi } from './naloxone-api';

export interface KitReplacementsState {
  /** The officer's used kits that no new kit has replaced yet, oldest use first. */
  pending: KitReplacement[];
}

/**
 * The "get a new kit" reminder: asked of the api (which knows who used which kit) when the naloxone page opens
 * and after every use or registration, so it stays until a new kit is registered, on any device.
 */
export class KitReplacementsStore extends Store<KitReplacementsState> {
  private asked = 0;

  constructor(private readonly api: NaloxoneApi) {
    super({ pending: [] });
  }

  async load(): Promise<void> {
    const request = ++this.asked;
    try {
      const pending = await this.api.kits.replacements();
      // An older answer arriving late must not bring back a reminder a newer one took away.
      if (request === this.asked) this.set({ pending });
    } catch {
      // Offline or refused: the reminder shown stays; a reminder must not vanish because the network did.
    }
  }
}
