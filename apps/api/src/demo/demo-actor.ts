import type { AuthUser } from '../auth/auth-user';
import { PeopleService } from '../people/people.service';

/** A demo account as the services see a signed-in caller, so the demo seeds act (and are audited) as that person. */
export async function demoActor(people: PeopleService, email: string): Promise<AuthUser> {
  const found = await people.findUserWithPasswordHash(email);
  if (!found) throw new Error(`The demo account ${email} is missing`);
  const organisation = await people.getOrganisation(found.user.organisationId);
  return { ...people.toUserDto(found.user), organisationKind: organisation.kind, sessionId: 'demo-seed' };
}
