import type { Organisation, Role, User } from '@samverkan/contracts';
import { OrganisationEntity } from './entities/organisation.entity';
import { UserEntity } from './entities/user.entity';

/** `mfaRequiredRoles`: MFA_REQUIRED_ROLES, which decides `mfaRequired`. */
export function toUserDto(user: UserEntity, mfaRequiredRoles: readonly Role[]): User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    canSign: user.canSign,
    organisationId: user.organisationId,
    disabled: user.disabled,
    // A user just saved was not read back with the virtual column; a new user has no second factor.
    mfaEnabled: user.mfaEnabled ?? false,
    mfaRequired: mfaRequiredRoles.includes(user.role),
  };
}

export function toOrganisationDto(organisation: OrganisationEntity): Organisation {
  return { id: organisation.id, name: organisation.name, kind: organisation.kind };
}
