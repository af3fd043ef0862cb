import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { PreparedStatements } from './prepared-statements';
import { runMigrationsOnce } from './run-migrations';
import { UnitOfWork } from './transaction-events';

/** TypeORM over `pg`, to a PostgreSQL server or the embedded PGlite; the schema comes only from migrations. */
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (!config.databaseUrl) throw new Error('DatabaseModule needs a database URL (start the embedded database first)');
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        UnitOfWork,
        {
          provide: PreparedStatements,
          useFactory: (dataSource: DataSource) => new PreparedStatements(dataSource, !config.embeddedDatabase),
          inject: [DataSource],
        },
      ],
      exports: [UnitOfWork, PreparedStatements],
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            type: 'postgres' as const,
            url: config.databaseUrl!,
            entities: ENTITIES,
            migrations: MIGRATIONS,
            synchronize: false,
            migrationsRun: false,
            // The embedded database serves one connection at a time: one pooled connection makes requests queue.
            extra: { max: config.embeddedDatabase ? 1 : 10, connectionTimeoutMillis: 15_000 },
            retryAttempts: 2,
            retryDelay: 1000,
          }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            await runMigrationsOnce(dataSource, { serialiseInstances: !config.embeddedDatabase });
            return dataSource;
          },
        }),
      ],
    };
  }
}
