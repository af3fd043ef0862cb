import type { Kit, UseKitResponse } from '@samverkan/contracts';
import { ApiError } from '../api/api-error';
import { Store } from '../state/store';
import type { KitDraft } from './kit-marks';
import type { NaloxoneApi } from './naloxone-api';

export type KitActionFailure = 'conflict' | 'invalid' | 'forbidden' | 'network' | 'server';

export interface KitsState {
  status: 'loading' | 'ready' | 'error';
  kits: Kit[];
  failure: 'network' | 'server' | 'forbidden' | null;
  /** Kits with a change on its way. */
  saving: ReadonlySet<string>;
  /** The last failed change of a kit, to explain next to it. */
  kitError: { kitId: string; reason: KitActionFailure; message: string } | null;
}

export function failureOf(error: unknown): KitActionFailure {
  if (!(error instanceof ApiError)) return 'server';
  if (error.isNetworkError) return 'network';
  if (error.status === 409) return 'conflict';
  if (error.status === 400) return 'invalid';
  if (error.status === 403) return 'forbidden';
  return 'server';
}

/** The police organisation's naloxone kits (all organisations' for coordinators): register, change, use. */
export class KitsStore extends Store<KitsState> {
  constructor(
    private readonly api: NaloxoneApi,
    private readonly now: () => Date = () => new Date(),
  ) {
    super({ status: 'loading', kits: [], failure: null, saving: new Set(), kitError: null });
  }

  async load(): Promise<void> {
    try {
      const kits = await this.api.kits.list();
      this.set({ ...this.value, status: 'ready', kits, failure: null });
    } catch (error) {
      const reason = failureOf(error);
      const failure = reason === 'network' || reason === 'forbidden' ? reason : 'server';
      this.set({ ...this.value, status: this.value.kits.length > 0 ? 'ready' : 'error', failure });
    }
  }

  /** Registers a kit; the ApiError of a refusal is thrown for the form to show. */
  async create(draft: KitDraft): Promise<Kit> {
    const kit = await this.api.kits.create({
      label: draft.label,
      batch: draft.batch,
      expiresOn: draft.expiresOn,
    });
    this.upsert(kit);
    return kit;
  }

  /** Changes a kit's label, batch or expiry; throws the ApiError (a 409 when someone changed it meanwhile). */
  async edit(kit: Kit, draft: KitDraft): Promise<Kit> {
    try {
      const updated = await this.api.kits.update(kit.id, {
        version: kit.version,
        label: draft.label,
        batch: draft.batch,
        expiresOn: draft.expiresOn,
      });
      this.upsert(updated);
      return updated;
    } catch (error) {
      if (failureOf(error) === 'conflict') await this.reloadOne(kit.id);
      throw error;
    }
  }

  discard(kit: Kit): Promise<Kit | null> {
    return this.act(kit, () => this.api.kits.update(kit.id, { version: kit.version, status: 'discarded' }));
  }

  /** Records the kit's use now; the api creates the `overdose_response` report (no position, no person). */
  async use(kit: Kit): Promise<UseKitResponse | null> {
    let response: UseKitResponse | null = null;
    await this.act(kit, async () => {
      response = await this.api.kits.use(kit.id, { usedAt: this.now().toISOString() });
      return response.kit;
    });
    return response;
  }

  private async act(kit: Kit, change: () => Promise<Kit>): Promise<Kit | null> {
    if (this.value.saving.has(kit.id)) return null;
    this.set({ ...this.value, saving: new Set([...this.value.saving, kit.id]), kitError: null });
    try {
      const updated = await change();
      this.upsert(updated);
      return updated;
    } catch (error) {
      const reason = failureOf(error);
      this.set({
        ...this.value,
        kitError: { kitId: kit.id, reason, message: error instanceof Error ? error.message : String(error) },
      });
      if (reason === 'conflict') await this.reloadOne(kit.id);
      return null;
    } finally {
      const saving = new Set(this.value.saving);
      saving.delete(kit.id);
      this.set({ ...this.value, saving });
    }
  }

  private async reloadOne(kitId: string): Promise<void> {
    try {
      this.upsert(await this.api.kits.get(kitId));
    } catch {
      // The error already shown says what to do.
    }
  }

  private upsert(kit: Kit): void {
    const exists = this.value.kits.some((shown) => shown.id === kit.id);
    const kits = exists
      ? this.value.kits.map((shown) => (shown.id === kit.id ? kit : shown))
      : [...this.value.kits, kit];
    this.set({ ...this.value, kits });
  }
}
