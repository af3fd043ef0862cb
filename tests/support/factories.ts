import type { Organisation, OrganisationKind, Role, User } from '@samverkan/contracts';
import { ApiClient, client, request } from './http';
import { TEST_ADMIN } from './test-app';
import { unique } from './unique';

export { unique };

export const TEST_PASSWORD = 'correct-horse-battery-2026';

export async function signIn(baseUrl: string, email: string, password: string): Promise<ApiClient & { user: User }> {
  const response = await request(baseUrl, 'POST', '/api/auth/login', { body: { email, password } });
  if (response.status !== 200) throw new Error(`Sign-in as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return Object.assign(client(baseUrl, response.body.accessToken), { user: response.body.user as User });
}

export function signInAdmin(baseUrl: string) {
  return signIn(baseUrl, TEST_ADMIN.email, TEST_ADMIN.password);
}

/** Creates test data through the public API, as an administrator would. */
export class Factory {
  private constructor(
    readonly baseUrl: string,
    readonly admin: ApiClient & { user: User },
  ) {}

  static async create(baseUrl: string): Promise<Factory> {
    return new Factory(baseUrl, await signInAdmin(baseUrl));
  }

  async organisation(kind: OrganisationKind, name = unique(`Test ${kind}`)): Promise<Organisation> {
    const response = await this.admin.post('/api/organisations', { name, kind });
    if (response.status !== 201) throw new Error(`Creating organisation failed: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** A user with a signed-in client; the organisation is made to fit the role unless given. */
  async user(options: { role: Role; canSign?: boolean; organisationId?: string; displayName?: string } ) {
    const kind: OrganisationKind = options.role === 'police' ? 'police' : options.role === 'service' ? 'service' : 'coordination';
    const organisationId = options.organisationId ?? (await this.organisation(kind)).id;
    const email = `${unique(options.role)}@samverkan.test`;
    const response = await this.admin.post('/api/users', {
      email,
      displayName: options.displayName ?? unique(`Test ${options.role}`),
      password: TEST_PASSWORD,
      role: options.role,
      organisationId,
      canSign: options.canSign ?? false,
    });
    if (response.status !== 201) throw new Error(`Creating user failed: ${JSON.stringify(response.body)}`);
    const signedIn = await signIn(this.baseUrl, email, TEST_PASSWORD);
    return Object.assign(signedIn, { email, password: TEST_PASSWORD, organisationId });
  }
}
