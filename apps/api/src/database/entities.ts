import { AuditEventEntity } from '../audit/entities/audit-event.entity';
import { SessionEntity } from '../auth/entities/session.entity';
import { OrganisationEntity } from '../people/entities/organisation.entity';
import { UserEntity } from '../people/entities/user.entity';

/** Every TypeORM entity, listed once for the data source. */
export const ENTITIES = [OrganisationEntity, UserEntity, SessionEntity, AuditEventEntity];
