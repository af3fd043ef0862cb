import { ConflictException } from '@nestjs/common';

/**
 * Optimistic locking: a change names the version its writer read, and a newer one in the database means someone
 * else changed the thing meanwhile (409, so the client reloads instead of overwriting). An absent version is
 * not checked: some changes (a meeting's, an action's) take it as an extension the contract leaves optional.
 */
export function checkVersion(thing: string, current: number, sent: number | undefined): void {
  if (sent !== undefined && sent !== current) {
    throw new ConflictException(`The ${thing} is at version ${current}, not ${sent}: reload it and try again`);
  }
}
