import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganisationsController } from './organisations.controller';
import { PasswordHasher } from './password-hasher';
import { PeopleService } from './people.service';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { UsersController } from './users.controller';

@Module({
  imports: [AuditModule],
  controllers: [OrganisationsController, UsersController],
  providers: [PeopleService, PasswordHasher, AdminBootstrapService],
  exports: [PeopleService, PasswordHasher],
})
export class PeopleModule {}
