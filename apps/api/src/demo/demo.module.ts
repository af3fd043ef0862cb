import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { DemoSeedService } from './demo-seed.service';
import { GuidesModule } from '../guides/guides.module';
import { DemoGuideSeed } from './demo-guide.seed';
import { SitesModule } from '../sites/sites.module';
import { ZonesModule } from '../zones/zones.module';
import { DemoMapSeed } from './demo-map.seed';
import { ClockModule } from '../common/clock';
import { MeetingsModule } from '../meetings/meetings.module';
import { DemoMeetingsSeed } from './demo-meetings.seed';

@Module({
  imports: [PeopleModule, GuidesModule, SitesModule, ZonesModule, ClockModule, MeetingsModule],
  providers: [DemoSeedService, DemoGuideSeed, DemoMapSeed, DemoMeetingsSeed],
})
export class DemoModule {}
