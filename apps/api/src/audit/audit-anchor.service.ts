import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { AuditAnchor } from '@samverkan/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuditAnchorStore } from './audit-anchor.store';
import { AuditService } from './audit.service';

// Also now and then, for an append whose transaction committed after the anchoring it scheduled had run.
const PERIODIC_ANCHOR_MS = 60_000;

/**
 * Anchors the audit chain's head where the database cannot change it: a line in DATA_DIR/audit-anchors.jsonl and
 * a log line, a moment after appends, every minute when something changed, at start and at shutdown.
 * A chain that no longer holds the previous anchor gets no new one, so verify goes on reporting it.
 */
@Injectable()
export class AuditAnchorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditAnchor');
  private scheduled: NodeJS.Timeout | null = null;
  private periodic: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private reportedBreak = false;

  constructor(
    private readonly audit: AuditService,
    private readonly store: AuditAnchorStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.audit.onAppended(() => this.soon());
    this.periodic = setInterval(() => void this.anchorNow(), PERIODIC_ANCHOR_MS);
    this.periodic.unref();
    await this.anchorNow();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.periodic) clearInterval(this.periodic);
    if (this.scheduled) clearTimeout(this.scheduled);
    this.periodic = this.scheduled = null;
    await this.anchorNow();
  }

  /** At most one anchoring per delay however many appends: the first append starts the wait. */
  private soon(): void {
    if (this.scheduled) return;
    this.scheduled = setTimeout(() => {
      this.scheduled = null;
      void this.anchorNow();
    }, this.config.auditAnchorDelayMs);
    this.scheduled.unref();
  }

  /** One anchoring at a time, in order. */
  anchorNow(): Promise<void> {
    this.running = this.running.then(
      () => this.anchor(),
      () => this.anchor(),
    );
    return this.running.catch((error: unknown) => {
      this.logger.error(`Could not anchor the audit chain: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async anchor(): Promise<void> {
    const head = await this.audit.head();
    if (head.count === 0 || head.headHash === null) return;
    const latest = this.store.latest();
    if (latest && latest.count === head.count && latest.headHash === head.headHash) return;
    if (latest) {
      const problem = await this.audit.compareWithAnchor(latest);
      if (problem) {
        if (!this.reportedBreak) {
          this.logger.error(
            `The audit chain no longer holds its last anchor (${problem}: ${latest.count} events, head ${latest.headHash}); ` +
              'no new anchor is written. GET /api/audit/verify reports it.',
          );
        }
        this.reportedBreak = true;
        return;
      }
    }
    const anchor: AuditAnchor = { at: head.at, count: head.count, headHash: head.headHash };
    this.store.append(anchor);
    this.reportedBreak = false;
    // The line an operator keeps (log shipping, a notary): the same JSON as in the anchor file.
    this.logger.log(`Audit anchor ${JSON.stringify(anchor)}`);
  }
}
