import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MessagesRepository } from './messages.repository';

// Any fixed number: keeps two instances from purging at the same moment.
const RETENTION_LOCK_KEY = 720_419;

export interface RetentionResult {
  cutoff: string;
  deleted: number;
}

/** Messages are kept RETENTION_DAYS days; a daily job deletes older ones and audits how many went. */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly messages: MessagesRepository,
    private readonly audit: AuditService,
  ) {}

  @Cron('0 30 3 * * *', { name: 'message-retention', timeZone: 'Europe/Stockholm' })
  async runDaily(): Promise<void> {
    try {
      await this.purge();
    } catch (error) {
      this.logger.error(`Message retention failed: ${(error as Error).message}`);
    }
  }

  /**
   * Deletes the messages written more than RETENTION_DAYS before `now`, with one audit event holding the count,
   * in one transaction. Returns null when another instance is purging right now.
   */
  async purge(now: Date = new Date()): Promise<RetentionResult | null> {
    const cutoff = new Date(now.getTime() - this.config.retentionDays * 24 * 3600 * 1000);
    const result = await this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        RETENTION_LOCK_KEY,
      ]);
      if (!locked) return null;
      const deleted = await this.messages.deleteOlderThan(manager, cutoff);
      if (deleted > 0) {
        await this.audit.record(manager, {
          actorId: null,
          action: 'retention-delete',
          entity: 'message',
          entityId: null,
          after: { deleted, olderThan: cutoff.toISOString(), retentionDays: this.config.retentionDays },
        });
      }
      return { cutoff: cutoff.toISOString(), deleted };
    });
    if (result?.deleted) this.logger.log(`Deleted ${result.deleted} messages older than ${result.cutoff}`);
    return result;
  }
}
