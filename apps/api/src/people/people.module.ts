import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SessionsModule } from '../auth/sessions.module';
import { OrganisationsController } from './organisations.controller';
import { PasswordHasher } from './password-hasher';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { UsersController } from './users.controller';

@Module({
  imports: [AuditModule, SessionsModule],
  controllers: [OrganisationsController, UsersController],
  providers: [PeopleService, PeopleRepository, PasswordHasher, AdminBootstrapService],
  exports: [PeopleService, PasswordHasher],
})
export class PeopleModule {}
