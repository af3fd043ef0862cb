import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Organisation } from '@samverkan/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { CreateOrganisationDto } from './dto/people.dto';
import { PeopleService } from './people.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly people: PeopleService) {}

  /** Every signed-in user may read the organisations: names and kinds are shown beside sites, zones and messages. */
  @Get()
  list(): Promise<Organisation[]> {
    return this.people.listOrganisations();
  }

  @Roles('admin')
  @Post()
  create(@Body() body: CreateOrganisationDto, @CurrentUser() user: AuthUser): Promise<Organisation> {
    return this.people.createOrganisation(body, user.id);
  }
}
