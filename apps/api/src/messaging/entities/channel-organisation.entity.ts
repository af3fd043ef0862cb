import { Entity, PrimaryColumn } from 'typeorm';

/** An organisation that may see a meeting channel. */
@Entity('channel_organisations')
export class ChannelOrganisationEntity {
  @PrimaryColumn('uuid', { name: 'channel_id' })
  channelId: string;

  @PrimaryColumn('uuid', { name: 'organisation_id' })
  organisationId: string;
}
