import type { Ack, Message } from '@samverkan/contracts';
import { addDays, localToday } from '../../apps/api/src/common/calendar-dates';
import { Factory, unique } from '../support/factories';
import type { HttpResult } from '../support/http';
import {
  addAgendaItem,
  asMapTeam,
  createMeeting,
  MeetingTeam,
  meetingTeam,
} from '../support/meeting-factories';
import { directChannel, joinChannel, sendMessage, userWithSocket } from '../support/messaging-factories';
import type { TestSocket } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, MapTeam } from '../support/zone-factories';

/**
 * The identity guard over every free text that becomes a shared record, and in chat: a name with a personal
 * identity number or a phone number is refused with 400 naming the field and the kind found (never the text),
 * however it is typed; an ordinary text with dates and times passes.
 */

jest.setTimeout(120_000);

// 19850101-1236 has a valid check digit.
const IDENTITY_NUMBERS = [
  'Anna 19850101-1236',
  'Anna 850101 – 1236',
  'Anna １９８５０１０１－１２３６',
  'Anna 19 85 01 01-1236',
];
const PHONE_NUMBERS = ['Ring 070-123 45 67', 'Ring 070.123.45.67', 'Ring +46 (0)70 – 123 45 67'];
const ORDINARY = 'Uppföljning 2026-05-04 kl. 14:00–15:30, batch NX24-118, version 1.2.3.';

describe('identity guard', () => {
  let app: TestApp;
  let factory: Factory;
  let map: MapFactory;
  let team: MeetingTeam;
  let mapTeam: MapTeam;

  beforeAll(async () => {
    app = await startTestApp();
    factory = await Factory.create(app.baseUrl);
    map = new MapFactory(factory);
    team = await meetingTeam(factory);
    mapTeam = asMapTeam(team);
  });
  afterAll(() => app.close());

  /** Each shared record's free text: the field the refusal names, and a request writing `text` into it. */
  const fields: [string, string, (text: string) => Promise<HttpResult>][] = [
    [
      'meeting title',
      'title',
      (text) => team.coordinator.post('/api/meetings', meetingBody({ title: text })),
    ],
    [
      'meeting place',
      'place',
      (text) => team.coordinator.post('/api/meetings', meetingBody({ place: text })),
    ],
    [
      'meeting title, changed',
      'title',
      async (text) =>
        team.coordinator.patch(`/api/meetings/${(await createMeeting(team)).id}`, { title: text }),
    ],
    [
      'agenda item title',
      'title',
      async (text) =>
        team.coordinator.post(`/api/meetings/${(await createMeeting(team)).id}/agenda`, { title: text }),
    ],
    [
      'minutes',
      'minutes',
      async (text) => {
        const meeting = await createMeeting(team);
        const item = await addAgendaItem(team.coordinator, meeting.id);
        return team.coordinator.patch(`/api/meetings/${meeting.id}/agenda/${item.id}`, {
          version: item.version,
          minutes: text,
        });
      },
    ],
    [
      'decision',
      'text',
      async (text) =>
        team.coordinator.post(`/api/meetings/${(await createMeeting(team)).id}/decisions`, { text }),
    ],
    [
      'action title',
      'title',
      async (text) =>
        team.coordinator.post(`/api/meetings/${(await createMeeting(team)).id}/actions`, {
          title: text,
          ownerId: team.staff.user.id,
          dueDate: addDays(localToday(new Date()), 7),
        }),
    ],
    [
      'zone notes',
      'notes',
      async (text) => team.staff.post('/api/zones', { ...(await zoneBody()), notes: text }),
    ],
    [
      'zone notes, changed',
      'notes',
      async (text) => {
        const zone = await map.zone(team.staff, await map.site(team.staff));
        return team.staff.patch(`/api/zones/${zone.id}`, { version: zone.properties.version, notes: text });
      },
    ],
    [
      'suspension reason',
      'reason',
      async (text) => {
        const zone = await map.agree(mapTeam, await map.zone(team.staff, await map.site(team.staff)));
        return team.policeSignatory.post(`/api/zones/${zone.id}/suspend`, { reason: text });
      },
    ],
    [
      'withdrawal reason',
      'reason',
      async (text) => {
        const zone = await map.zone(team.staff, await map.site(team.staff));
        return team.serviceSignatory.post(`/api/zones/${zone.id}/withdraw`, { reason: text });
      },
    ],
    [
      'site description',
      'description',
      async (text) =>
        team.staff.post('/api/sites', {
          name: unique('Testplats'),
          type: 'needle_exchange',
          location: siteLocation(),
          description: text,
        }),
    ],
    [
      'site description, changed',
      'description',
      async (text) => {
        const site = await map.site(team.staff);
        return team.staff.patch(`/api/sites/${site.id}`, {
          version: site.properties.version,
          description: text,
        });
      },
    ],
  ];

  function meetingBody(fields: Record<string, string>): Record<string, unknown> {
    return {
      title: unique('Samverkansmöte'),
      startsAt: new Date(Date.now() + 24 * 3600 * 1000).toISOString(),
      organisationIds: [team.police.id, team.service.id],
      ...fields,
    };
  }

  function siteLocation() {
    return { type: 'Point', coordinates: [14 + Math.random() * 10, 58 + Math.random() * 10] };
  }

  async function zoneBody(): Promise<Record<string, unknown>> {
    const site = await map.site(team.staff);
    return { siteId: site.id, name: unique('Testzon'), radiusMeters: 100 };
  }

  function expectRefused(response: HttpResult, field: string, reason: string, text: string): void {
    expect({ text, status: response.status }).toEqual({ text, status: 400 });
    expect(response.body.details).toEqual([
      expect.objectContaining({
        field,
        reason,
        message: expect.stringMatching(/^must not identify a person/),
      }),
    ]);
    const said = JSON.stringify(response.body);
    for (const secret of ['1236', '123 45 67', '45.67', '45 67']) expect(said).not.toContain(secret);
  }

  describe.each(fields)('%s', (_name, field, write) => {
    it('refuses a personal identity number, however it is typed', async () => {
      for (const text of IDENTITY_NUMBERS)
        expectRefused(await write(text), field, 'personal_identity_number', text);
    });

    it('refuses a phone number, however it is typed', async () => {
      for (const text of PHONE_NUMBERS) expectRefused(await write(text), field, 'phone_number', text);
    });

    it('takes an ordinary text with dates, times, batch and version numbers', async () => {
      const response = await write(ORDINARY);
      expect(response.status < 300 ? 'stored' : response.body).toBe('stored');
    });
  });

  it('refuses an e-mail address in the minutes, even with spaces around "@"', async () => {
    const meeting = await createMeeting(team);
    const item = await addAgendaItem(team.coordinator, meeting.id);
    const response = await team.coordinator.patch(`/api/meetings/${meeting.id}/agenda/${item.id}`, {
      version: item.version,
      minutes: 'Kontakt: kalle.andersson @ example.org',
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      expect.objectContaining({ field: 'minutes', reason: 'email_address' }),
    ]);
  });

  describe('in chat', () => {
    let sender: TestSocket;
    let channelId: string;

    beforeAll(async () => {
      const from = await userWithSocket(factory, { role: 'service' });
      const to = await factory.user({ role: 'police' });
      sender = from.socket;
      channelId = (await directChannel(from.user, to)).id;
      await joinChannel(sender, channelId);
    });
    afterAll(() => sender.close());

    it('refuses a personal identity number with an ack naming the field and the reason, and stores nothing', async () => {
      for (const text of IDENTITY_NUMBERS) {
        const ack = await sendMessage(sender, channelId, text);
        expect({ text, ack }).toEqual({
          text,
          ack: {
            ok: false,
            error: expect.objectContaining({
              code: 'bad_request',
              field: 'body',
              reason: 'personal_identity_number',
            }),
          },
        });
        expect(JSON.stringify(ack)).not.toContain('1236');
      }
      const history = await sendMessage(sender, channelId, 'Hej');
      expect(history.ok && history.message.seq).toBe(1);
    });

    it('takes a work phone number or e-mail address, with a warning', async () => {
      const phone = (await sendMessage(sender, channelId, 'Ring mig på jobbet: 040-123 45 67')) as Ack<{
        message: Message;
        warnings?: string[];
      }>;
      expect(phone).toEqual({
        ok: true,
        message: expect.objectContaining({ body: 'Ring mig på jobbet: 040-123 45 67' }),
        warnings: ['phone_number'],
      });
      const email = await sendMessage(sender, channelId, 'Mejla mig: anna [at] example.org');
      expect(email).toEqual(expect.objectContaining({ ok: true, warnings: ['email_address'] }));
    });

    it('says nothing about an ordinary message', async () => {
      const ack = await sendMessage(sender, channelId, ORDINARY);
      expect(ack).toEqual({ ok: true, message: expect.objectContaining({ body: ORDINARY }) });
    });
  });
});
