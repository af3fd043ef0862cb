import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MEETING_LIMITS, type FieldReport } from '@samverkan/contracts';
import { refusalOf, strictFake } from '../common/spec-helpers';
import type { ReportsService } from '../reports/reports.service';
import { AgendaItemConflictException } from './agenda-item-conflict.filter';
import { AgendaService } from './agenda.service';
import { meetingsWorld, ORG, PEOPLE } from './meetings.fake';

// The agenda's rules: anyone taking part adds items and writes minutes, organisers do the rest; a stale item
// version is a 409 that carries the item as it is now. How positions shift is SQL in the repository: the fake
// imitates it, the e2e tests check the real one.

const { coordinator, officer, serviceSignatory, serviceStaff, outsider } = PEOPLE;

const report = {
  id: 'report-1',
  siteId: 'site-1',
  zoneId: 'zone-1',
} as FieldReport;

function setUp() {
  const world = meetingsWorld();
  const reports = strictFake<ReportsService>('ReportsService', {
    // A report the user may not see is a 404 from the reports service.
    get: async (id: string) => {
      if (id === report.id) return report;
      throw new NotFoundException(`No report with id ${id}`);
    },
    organisationsNotSeeing: async (_: EntityManager, reportId: string, organisationIds: string[]) =>
      organisationIds.filter((id) => (world.store.reportsHiddenFrom[reportId] ?? []).includes(id)),
  });
  const agenda = new AgendaService(
    world.meetings,
    world.repositories.agenda,
    world.repositories.decisions,
    reports,
    world.sites,
    world.zones,
    world.audit,
  );
  const meeting = world.store.seedMeeting([ORG.police, ORG.service]);
  return { ...world, agenda, meetingId: meeting.id };
}

describe('AgendaService', () => {
  describe('add', () => {
    it('lets anyone taking part add an item, last by default, and sends the meeting to its room', async () => {
      const { agenda, store, outbox, meetingId, actions } = setUp();
      store.seedItem(meetingId, { title: 'Förra mötet' });

      const item = await agenda.add(meetingId, { title: 'Nålar vid parken' }, officer);

      expect(item).toMatchObject({ title: 'Nålar vid parken', position: 2, version: 1, minutes: '' });
      expect(actions()).toEqual(['agenda-add']);
      expect(outbox.changed).toHaveLength(1);
      expect(outbox.changed[0].agenda.map((entry) => entry.title)).toEqual(['Förra mötet', 'Nålar vid parken']);
    });

    it('inserts at a given position, moving the rest down, and refuses a position past the end', async () => {
      const { agenda, store, meetingId } = setUp();
      store.seedItem(meetingId, { title: 'A' });
      store.seedItem(meetingId, { title: 'B' });

      await agenda.add(meetingId, { title: 'Först', position: 1 }, serviceStaff);
      expect(store.order(meetingId)).toEqual(['Först', 'A', 'B']);
      expect(await refusalOf(agenda.add(meetingId, { title: 'X', position: 5 }, serviceStaff))).toMatchObject({ status: 400, fields: ['position'] });
    });

    it('refuses a new item on a full agenda (409) and answers 404 to someone who cannot see the meeting', async () => {
      const { agenda, store, meetingId } = setUp();
      for (let i = 0; i < MEETING_LIMITS.maxAgendaItems; i++) store.seedItem(meetingId);

      expect((await refusalOf(agenda.add(meetingId, { title: 'En till' }, coordinator))).status).toBe(409);
      expect((await refusalOf(agenda.add(meetingId, { title: 'X' }, outsider))).status).toBe(404);
      expect(store.agenda).toHaveLength(MEETING_LIMITS.maxAgendaItems);
    });

    it("places an item about a report at the report's site and zone, and refuses a report the user cannot see", async () => {
      const { agenda, meetingId } = setUp();

      expect(await agenda.add(meetingId, { title: 'Rapporten', reportId: report.id }, officer)).toMatchObject({
        reportId: report.id,
        siteId: 'site-1',
        zoneId: 'zone-1',
      });
      expect(await refusalOf(agenda.add(meetingId, { title: 'X', reportId: 'hidden' }, officer))).toMatchObject({
        status: 400,
        fields: ['reportId'],
      });
    });

    it('refuses to link a report that some organisation taking part may not see (400 naming reportId)', async () => {
      const { agenda, store, meetingId } = setUp();
      store.reportsHiddenFrom[report.id] = [ORG.service];

      const refusal = await refusalOf(agenda.add(meetingId, { title: 'Rapporten', reportId: report.id }, officer));

      expect(refusal).toMatchObject({ status: 400, fields: ['reportId'], message: expect.stringContaining(ORG.service) });
      expect(store.agenda).toEqual([]);
    });

    it("brings a zone's site with it, and refuses a zone around another site than the siteId given", async () => {
      const { agenda, store, meetingId } = setUp();
      store.sites.push({ id: 'site-2', name: 'Annan plats' });

      expect(await agenda.add(meetingId, { title: 'Zonen', zoneId: 'zone-1' }, officer)).toMatchObject({ siteId: 'site-1', zoneId: 'zone-1' });
      expect(await refusalOf(agenda.add(meetingId, { title: 'X', zoneId: 'zone-1', siteId: 'site-2' }, officer))).toMatchObject({
        status: 400,
        fields: ['zoneId'],
      });
      expect(await refusalOf(agenda.add(meetingId, { title: 'X', siteId: 'deleted-site' }, officer))).toMatchObject({
        status: 400,
        fields: ['siteId'],
      });
    });
  });

  describe('update', () => {
    it('lets anyone taking part write the minutes, but only organisers change the rest', async () => {
      const { agenda, store, meetingId } = setUp();
      const item = store.seedItem(meetingId, { title: 'Punkt 1' });

      expect(await agenda.update(meetingId, item.id, { version: 1, minutes: 'Vi kom överens.' }, officer)).toMatchObject({
        minutes: 'Vi kom överens.',
        version: 2,
      });
      const refusal = await refusalOf(agenda.update(meetingId, item.id, { version: 2, title: 'Annat' }, officer));
      expect(refusal).toMatchObject({ status: 403, message: expect.stringContaining('anyone taking part may write the minutes') });
      expect(await agenda.update(meetingId, item.id, { version: 2, title: 'Annat' }, serviceSignatory)).toMatchObject({ title: 'Annat', version: 3 });
    });

    it('answers a stale version with 409 carrying the item as it is now, and keeps the newer text', async () => {
      const { agenda, store, meetingId } = setUp();
      const item = store.seedItem(meetingId, { minutes: 'Andras text', version: 4 });

      const saving = agenda.update(meetingId, item.id, { version: 3, minutes: 'Min text' }, serviceStaff);

      await expect(saving).rejects.toBeInstanceOf(AgendaItemConflictException);
      await saving.catch((error: AgendaItemConflictException) => expect(error.current).toMatchObject({ minutes: 'Andras text', version: 4 }));
      expect(store.item(item.id)).toMatchObject({ minutes: 'Andras text', version: 4 });
    });

    it('treats saving the same text again as no change: no new version, nothing audited', async () => {
      const { agenda, store, meetingId, actions } = setUp();
      const item = store.seedItem(meetingId, { minutes: 'Samma' });

      expect(await agenda.update(meetingId, item.id, { version: 1, minutes: 'Samma' }, serviceStaff)).toMatchObject({ version: 1 });
      expect(actions()).toEqual([]);
    });

    it('moves an item within the agenda and refuses a position past the last item', async () => {
      const { agenda, store, meetingId } = setUp();
      store.seedItem(meetingId, { title: 'A' });
      const b = store.seedItem(meetingId, { title: 'B' });
      store.seedItem(meetingId, { title: 'C' });

      await agenda.update(meetingId, b.id, { version: 1, position: 3 }, coordinator);
      expect(store.order(meetingId)).toEqual(['A', 'C', 'B']);
      expect(await refusalOf(agenda.update(meetingId, b.id, { version: 1, position: 4 }, coordinator))).toMatchObject({
        status: 400,
        fields: ['position'],
      });
    });

    it('answers 404 for an item of another meeting', async () => {
      const { agenda, store, meetingId } = setUp();
      const other = store.seedMeeting([ORG.police]);
      const item = store.seedItem(other.id);
      expect((await refusalOf(agenda.update(meetingId, item.id, { version: 1, minutes: 'x' }, coordinator))).status).toBe(404);
    });
  });

  describe('remove', () => {
    it('is for organisers; the items after it move up', async () => {
      const { agenda, store, meetingId, actions } = setUp();
      const a = store.seedItem(meetingId, { title: 'A' });
      store.seedItem(meetingId, { title: 'B' });

      expect((await refusalOf(agenda.remove(meetingId, a.id, serviceStaff))).status).toBe(403);
      await agenda.remove(meetingId, a.id, serviceSignatory);
      expect(store.order(meetingId)).toEqual(['B']);
      expect(store.agenda[0].position).toBe(1);
      expect(actions()).toEqual(['agenda-delete']);
    });

    it('refuses to delete an item that decisions were recorded under (409)', async () => {
      const { agenda, store, meetingId } = setUp();
      const item = store.seedItem(meetingId);
      store.seedDecision(meetingId, { agendaItemId: item.id });

      expect((await refusalOf(agenda.remove(meetingId, item.id, coordinator))).status).toBe(409);
      expect(store.agenda).toHaveLength(1);
    });
  });
});
