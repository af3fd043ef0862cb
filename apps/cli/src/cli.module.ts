import { DynamicModule, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AuditModule } from '../../api/src/audit/audit.module';
import { AppConfig } from '../../api/src/config/app-config';
import { AppConfigModule } from '../../api/src/config/config.module';
import { DatabaseModule } from '../../api/src/database/database.module';
import { PeopleModule } from '../../api/src/people/people.module';

/** Just enough of the api for operator commands: settings, database, people and audit. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [AppConfigModule.forRoot(config), EventEmitterModule.forRoot(), DatabaseModule.forRoot(config), AuditModule, PeopleModule],
    };
  }
}
