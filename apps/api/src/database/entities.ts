import { AuditEventEntity } from '../audit/entities/audit-event.entity';
import { OrganisationEntity } from '../people/entities/organisation.entity';
import { UserEntity } from '../people/entities/user.entity';
import { ZoneEntity } from '../zones/entities/zone.entity';
import { ZoneVersionEntity } from '../zones/entities/zone-version.entity';
import { ZoneApprovalEntity } from '../zones/entities/zone-approval.entity';
import { FieldReportEntity } from '../reports/entities/field-report.entity';
import { NaloxoneKitEntity } from '../kits/entities/naloxone-kit.entity';
import { GuideVersionEntity } from '../guides/entities/guide-version.entity';
import { MeetingEntity } from '../meetings/entities/meeting.entity';
import { AgendaItemEntity } from '../meetings/entities/agenda-item.entity';
import { DecisionEntity } from '../meetings/entities/decision.entity';
import { ActionItemEntity } from '../meetings/entities/action-item.entity';

/** Every TypeORM entity, listed once for the data source. */
export const ENTITIES = [OrganisationEntity, UserEntity, AuditEventEntity, ZoneEntity, ZoneVersionEntity, ZoneApprovalEntity, FieldReportEntity, NaloxoneKitEntity, GuideVersionEntity, MeetingEntity, AgendaItemEntity, DecisionEntity, ActionItemEntity];
