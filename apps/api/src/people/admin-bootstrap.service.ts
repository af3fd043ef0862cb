import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OrganisationEntity } from './entities/organisation.entity';
import { PeopleService } from './people.service';

export const ADMIN_ORGANISATION_NAME = 'Samverkan administration';

/** ADMIN_EMAIL / ADMIN_PASSWORD: the first administrator, created at start-up when there is none. */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Admin');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.admin) return;
    if ((await this.people.countAdmins()) > 0) return;
    await createAdministrator(this.dataSource, this.people, this.config.admin.email, this.config.admin.password);
    this.logger.log(`Created administrator ${this.config.admin.email}`);
  }
}

/** Creates an administrator in the administration organisation (made if missing). */
export async function createAdministrator(
  dataSource: DataSource,
  people: PeopleService,
  email: string,
  password: string,
  displayName = 'Administrator',
) {
  const existing = await dataSource.getRepository(OrganisationEntity).findOneBy({ name: ADMIN_ORGANISATION_NAME });
  const organisationId = existing?.id ?? (await people.createOrganisation({ name: ADMIN_ORGANISATION_NAME, kind: 'coordination' }, null)).id;
  return people.createUser({ email, displayName, password, role: 'admin', organisationId, canSign: false }, null);
}
