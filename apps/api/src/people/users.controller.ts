import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DirectoryEntry, User } from '@samverkan/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { CreateUserDto, UpdateUserDto } from './dto/people.dto';
import { PeopleService } from './people.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly people: PeopleService) {}

  @Roles('admin')
  @Get()
  list(): Promise<User[]> {
    return this.people.listUsers();
  }

  /** Extension: the active users' names, roles and organisations, for every signed-in user. */
  @Get('directory')
  async directory(): Promise<DirectoryEntry[]> {
    const users = await this.people.listUsers();
    return users
      .filter((user) => !user.disabled)
      .map(({ id, displayName, role, organisationId }) => ({ id, displayName, role, organisationId }));
  }

  @Roles('admin')
  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<User> {
    return this.people.getUser(id);
  }

  @Roles('admin')
  @Post()
  create(@Body() body: CreateUserDto, @CurrentUser() user: AuthUser): Promise<User> {
    return this.people.createUser(body, user.id);
  }

  @Roles('admin')
  @Patch(':id')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateUserDto, @CurrentUser() user: AuthUser): Promise<User> {
    return this.people.updateUser(id, body, user.id);
  }
}
