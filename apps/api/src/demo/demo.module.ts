import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [PeopleModule],
  providers: [DemoSeedService],
})
export class DemoModule {}
