import { Module } from '@nestjs/common';
import { SessionsModule } from '../auth/sessions.module';
import { PeopleModule } from '../people/people.module';
import { PushController } from './push.controller';
import { PushListener } from './push.listener';
import { PushRepository } from './push.repository';
import { PushSender } from './push-sender';
import { PushService } from './push.service';

/**
 * Web Push: subscriptions bound to sign-in sessions, and the pushes that urgent alerts, direct messages and
 * escalation steps cause, heard as after-commit events (no feature calls this module).
 */
@Module({
  imports: [SessionsModule, PeopleModule],
  controllers: [PushController],
  providers: [PushRepository, PushSender, PushService, PushListener],
})
export class PushModule {}
