import type { DirectoryEntry, Organisation } from '@samverkan/contracts';
import type { SamverkanApi } from '../api/samverkan-api';
import { Store } from '../state/store';

export interface DirectoryState {
  status: 'loading' | 'ready' | 'error';
  people: ReadonlyMap<string, DirectoryEntry>;
  organisations: ReadonlyMap<string, Organisation>;
}

/** Colleagues and organisations by id: names for approvals, acknowledgements and direct messages. */
export class DirectoryStore extends Store<DirectoryState> {
  constructor(private readonly api: SamverkanApi) {
    super({ status: 'loading', people: new Map(), organisations: new Map() });
  }

  async load(): Promise<void> {
    try {
      const [people, organisations] = await Promise.all([
        this.api.users.directory(),
        this.api.organisations.list(),
      ]);
      this.set({
        status: 'ready',
        people: new Map(people.map((person) => [person.id, person])),
        organisations: new Map(organisations.map((organisation) => [organisation.id, organisation])),
      });
    } catch (error) {
      if (this.value.status === 'loading') this.set({ ...this.value, status: 'error' });
      throw error;
    }
  }

  personName(userId: string | null): string | null {
    return userId ? (this.value.people.get(userId)?.displayName ?? null) : null;
  }

  organisationName(organisationId: string | null | undefined): string | null {
    return organisationId ? (this.value.organisations.get(organisationId)?.name ?? null) : null;
  }

  /** After an admin added an organisation or person. */
  organisationAdded(organisation: Organisation): void {
    const organisations = new Map(this.value.organisations);
    organisations.set(organisation.id, organisation);
    this.set({ ...this.value, organisations });
  }
}
