import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { requestLoggingParams } from './common/request-logging';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { PeopleModule } from './people/people.module';
import { RealtimeModule } from './realtime/realtime.module';
import { SitesModule } from './sites/sites.module';
import { ZonesModule } from './zones/zones.module';
import { WebAppHostingModule } from './web-app-hosting/web-app-hosting.module';
import { MessagingModule } from './messaging/messaging.module';
import { ReportsModule } from './reports/reports.module';
import { GuidesModule } from './guides/guides.module';
import { KitsModule } from './kits/kits.module';
import { MeetingsModule } from './meetings/meetings.module';
import { PushModule } from './push/push.module';

/** The whole api, one module per feature. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(requestLoggingParams(config)),
        EventEmitterModule.forRoot(),
        ScheduleModule.forRoot(),
        DatabaseModule.forRoot(config),
        AuditModule,
        PeopleModule,
        AuthModule,
        RealtimeModule,
        HealthModule,
        DemoModule,
        ZonesModule,
        SitesModule,
        MessagingModule,
        ReportsModule,
        GuidesModule,
        KitsModule,
        MeetingsModule,
        PushModule,
        WebAppHostingModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
