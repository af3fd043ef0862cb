import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import type { GuidesRepository } from './guides.repository';
import { GuidesService } from './guides.service';

/** A mock whose every unlisted method throws: a call the test did not plan for fails it. */
function strictMock<T extends object>(implementation: Partial<Record<keyof T, jest.Mock>>): jest.Mocked<T> {
  return new Proxy(implementation, {
    get(target, property) {
      if (property in target) return target[property as keyof T];
      if (property === 'then') return undefined;
      throw new Error(`Unexpected call: ${String(property)}`);
    },
  }) as unknown as jest.Mocked<T>;
}

const user = (role: AuthUser['role'], canSign = false) => ({ id: 'user-1', role, canSign }) as AuthUser;

describe('GuidesService', () => {
  const manager = {} as EntityManager;
  const dataSource = strictMock<DataSource>({ transaction: jest.fn((work: (m: EntityManager) => unknown) => work(manager)) });

  it('answers 404 while no version has been published, and 403 for an officer asking for a draft', async () => {
    const guides = strictMock<GuidesRepository>({ findPublished: jest.fn().mockResolvedValue(null) });
    const service = new GuidesService(dataSource, guides, strictMock<AuditService>({}));
    await expect(service.get('naloxone', 'en', { kind: 'published' }, user('police'))).rejects.toThrow(NotFoundException);
    await expect(service.get('naloxone', 'en', { kind: 'published' }, user('police'))).rejects.toThrow('No English naloxone guide has been published yet');
    await expect(service.get('naloxone', 'en', { kind: 'latest' }, user('police'))).rejects.toThrow(ForbiddenException);
  });

  it('answers 409 naming the newest version when the version read is stale, and audits nothing', async () => {
    const guides = strictMock<GuidesRepository>({
      insertNextVersion: jest.fn().mockResolvedValue(false),
      findLatest: jest.fn().mockResolvedValue({ version: 4 }),
    });
    const service = new GuidesService(dataSource, guides, strictMock<AuditService>({}));
    const saving = service.saveDraft('naloxone', { lang: 'sv', title: 'T', body: 'B', version: 3 }, user('service'));
    await expect(saving).rejects.toThrow(ConflictException);
    await expect(service.saveDraft('naloxone', { lang: 'sv', title: 'T', body: 'B', version: 3 }, user('service'))).rejects.toThrow(
      'The Swedish guide is at version 4, not 3',
    );
  });

  it('lets only a service signatory publish', async () => {
    const service = new GuidesService(dataSource, strictMock<GuidesRepository>({}), strictMock<AuditService>({}));
    for (const who of [user('service'), user('coordinator', true), user('police', true), user('admin', true)]) {
      await expect(service.publish('naloxone', { lang: 'sv', version: 1 }, who)).rejects.toThrow(ForbiddenException);
    }
  });
});
