import { PeopleAndAudit1764100000000 } from './1764100000000-people-and-audit';

/** Every migration, oldest first. Listed explicitly so the build and the tests load the same set. */
export const MIGRATIONS = [PeopleAndAudit1764100000000];
