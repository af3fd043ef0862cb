import { Entity, PrimaryColumn } from 'typeorm';

/** An organisation taking part in a meeting: its members see the meeting. */
@Entity('meeting_organisations')
export class MeetingOrganisationEntity {
  @PrimaryColumn('uuid', { name: 'meeting_id' })
  meetingId: string;

  @PrimaryColumn('uuid', { name: 'organisation_id' })
  organisationId: string;
}
