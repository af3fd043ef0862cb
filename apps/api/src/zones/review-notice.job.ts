import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ZonesService } from './zones.service';

/**
 * Every hour, posts the review notices that have come due (30 and 7 days before a zone's review date, and on
 * the day). Safe on several instances and across restarts: each stage is claimed in zone_review_notices.
 */
@Injectable()
export class ReviewNoticeJob {
  private readonly logger = new Logger('ZoneReviewNotices');

  constructor(private readonly zones: ZonesService) {}

  @Cron('0 20 * * * *', { name: 'zone-review-notices' })
  async run(): Promise<void> {
    try {
      const sent = await this.zones.sendReviewNotices();
      if (sent > 0) this.logger.log(`Posted ${sent} zone review notice(s)`);
    } catch (error) {
      this.logger.error(`Posting zone review notices failed: ${(error as Error).message}`);
    }
  }
}
