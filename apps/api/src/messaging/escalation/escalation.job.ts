import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { AlertEscalationService } from './alert-escalation.service';

/**
 * Every second, fires the escalation steps that are due. Runs on every instance; the database's claims (SKIP
 * LOCKED) make each step fire once. A tick still running when the next comes lets it pass.
 */
@Injectable()
export class EscalationJob {
  private readonly logger = new Logger('AlertEscalation');
  private running = false;

  constructor(private readonly escalation: AlertEscalationService) {}

  @Interval('alert-escalation', 1000)
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.escalation.fireDue();
    } catch (error) {
      this.logger.error(`Escalating alerts failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
