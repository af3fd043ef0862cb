import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ZonesService } from './zones.service';

/**
 * Every minute, writes down the end of the suspensions whose end time has passed (status, agreed version,
 * audit event, notice). What applies does not wait for it: the in-force rule counts from the end time itself.
 * Safe on several instances: each zone is claimed with SKIP LOCKED.
 */
@Injectable()
export class SuspensionEndJob {
  private readonly logger = new Logger('SuspensionEnd');

  constructor(private readonly zones: ZonesService) {}

  @Cron('15 * * * * *', { name: 'zone-suspension-end' })
  async run(): Promise<void> {
    try {
      const ended = await this.zones.endLapsedSuspensions();
      if (ended.length > 0) this.logger.log(`Ended ${ended.length} zone suspension(s) at their end time`);
    } catch (error) {
      this.logger.error(`Ending zone suspensions failed: ${(error as Error).message}`);
    }
  }
}
