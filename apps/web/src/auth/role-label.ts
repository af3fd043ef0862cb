import type { Role } from '@samverkan/contracts';
import type { MessageKey } from '../i18n/dictionary';

/** A role in words. */
export const ROLE_LABEL: Record<Role, MessageKey> = {
  admin: 'role.admin',
  coordinator: 'role.coordinator',
  police: 'role.police',
  service: 'role.service',
};

/** What the role does in Samverkan, for the welcome text. */
export const ROLE_DESCRIPTION: Record<Role, MessageKey> = {
  admin: 'welcome.role.admin',
  coordinator: 'welcome.role.coordinator',
  police: 'welcome.role.police',
  service: 'welcome.role.service',
};

/** Police and service users sign for their organisation; admins and coordinators belong to the coordinating side. */
export function signingMessage(role: Role, canSign: boolean): MessageKey {
  if (canSign) return 'welcome.sign.yes';
  return role === 'police' || role === 'service' ? 'welcome.sign.no' : 'welcome.sign.noCoordination';
}
