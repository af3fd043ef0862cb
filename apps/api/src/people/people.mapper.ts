import type { Organisation, User } from '@samverkan/contracts';
import { OrganisationEntity } from './entities/organisation.entity';
import { UserEntity } from './entities/user.entity';

export function toUserDto(user: UserEntity): User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    canSign: user.canSign,
    organisationId: user.organisationId,
    disabled: user.disabled,
  };
}

export function toOrganisationDto(organisation: OrganisationEntity): Organisation {
  return { id: organisation.id, name: organisation.name, kind: organisation.kind };
}
