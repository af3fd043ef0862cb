import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { RedisProbe } from './redis-probe';

export interface HealthReport {
  status: 'ok';
  database: 'up';
  /** Absent when no Redis is configured. Without it this instance still serves its own clients. */
  redis?: 'up' | 'down';
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisProbe,
  ) {}

  /** 200 when the database answers, 503 otherwise; Redis is reported but does not decide. */
  @Public()
  @Get()
  async check(): Promise<HealthReport> {
    try {
      await this.health.check([() => this.database.pingCheck('database', { timeout: 3000 })]);
    } catch {
      throw new ServiceUnavailableException('The database does not answer');
    }
    const report: HealthReport = { status: 'ok', database: 'up' };
    if (this.redis.configured) report.redis = (await this.redis.ping()) ? 'up' : 'down';
    return report;
  }
}
