import type {
  CreateOrganisationRequest,
  CreateUserRequest,
  Organisation,
  UpdateUserRequest,
  User,
} from '@samverkan/contracts';
import type { SamverkanApi } from '../api/samverkan-api';
import { Store } from '../state/store';

export interface AdminState {
  status: 'loading' | 'ready' | 'error';
  organisations: readonly Organisation[];
  users: readonly User[];
}

/** Organisations and user accounts for the admin pages. Mutations throw the api's error for the form to show. */
export class AdminStore extends Store<AdminState> {
  constructor(private readonly api: SamverkanApi) {
    super({ status: 'loading', organisations: [], users: [] });
  }

  async load(): Promise<void> {
    this.set({ ...this.value, status: this.value.status === 'ready' ? 'ready' : 'loading' });
    try {
      const [organisations, users] = await Promise.all([
        this.api.organisations.list(),
        this.api.users.list(),
      ]);
      this.set({ status: 'ready', organisations, users });
    } catch (error) {
      this.set({ ...this.value, status: 'error' });
      throw error;
    }
  }

  async createOrganisation(request: CreateOrganisationRequest): Promise<Organisation> {
    const organisation = await this.api.organisations.create(request);
    this.set({ ...this.value, organisations: [...this.value.organisations, organisation] });
    return organisation;
  }

  async createUser(request: CreateUserRequest): Promise<User> {
    const user = await this.api.users.create(request);
    this.set({ ...this.value, users: [...this.value.users, user] });
    return user;
  }

  async updateUser(userId: string, change: UpdateUserRequest): Promise<User> {
    const user = await this.api.users.update(userId, change);
    this.set({ ...this.value, users: this.value.users.map((known) => (known.id === userId ? user : known)) });
    return user;
  }

  /** Removes a user's second factor and ends their sessions. */
  async resetSecondFactor(userId: string): Promise<void> {
    await this.api.users.resetSecondFactor(userId);
    this.set({
      ...this.value,
      users: this.value.users.map((known) => (known.id === userId ? { ...known, mfaEnabled: false } : known)),
    });
  }
}
