import type { Meeting } from '@samverkan/contracts';
import {
  escapeHtml,
  markdownBlock,
  markdownInline,
  MinutesDocument,
  renderMinutesHtml,
  renderMinutesMarkdown,
} from './minutes-render';

function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm1',
    title: 'Samverkan city',
    startsAt: '2026-03-29T11:00:00.000Z',
    place: null,
    organisationIds: ['o1'],
    agenda: [],
    decisions: [],
    actions: [],
    channelId: 'c1',
    presenterId: null,
    series: null,
    view: null,
    currentItemId: null,
    version: 1,
    revision: 1,
    createdBy: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

function document(overrides: Partial<MinutesDocument> = {}): MinutesDocument {
  return {
    meeting: meeting(),
    organisations: [{ id: 'o1', name: 'Polisen <Malmö>', kind: 'police' }],
    people: new Map([['u1', 'Anna & Bo']]),
    sites: new Map(),
    zones: new Map(),
    reports: new Map(),
    exportedAt: new Date('2026-03-29T12:00:00Z'),
    ...overrides,
  };
}

describe('markdown escaping', () => {
  it('keeps user text from becoming Markdown syntax or HTML', () => {
    expect(markdownInline('# Rubrik')).toBe('\\# Rubrik');
    expect(markdownInline('[länk](javascript:alert(1))')).toBe('\\[länk\\](javascript:alert(1))');
    expect(markdownInline('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(markdownInline('*fet* _kursiv_ `kod` a|b ~~x~~ &amp;')).toBe(
      '\\*fet\\* \\_kursiv\\_ \\`kod\\` a\\|b \\~\\~x\\~\\~ \\&amp;',
    );
    expect(markdownInline('två\nrader')).toBe('två rader');
  });

  it('keeps line starts from becoming lists or headings, and keeps line breaks', () => {
    expect(markdownBlock('- ett\n+ två\n3. tre\n4) fyra\n= fem')).toBe(
      '\\- ett  \n\\+ två  \n3\\. tre  \n4\\) fyra  \n\\= fem',
    );
    expect(markdownBlock('vanlig text 3. inte i början')).toBe('vanlig text 3. inte i början');
  });
});

describe('renderMinutesMarkdown', () => {
  it('lists the time in Malmö, the organisations, the agenda with minutes, decisions and actions', () => {
    const text = renderMinutesMarkdown(
      document({
        meeting: meeting({
          place: 'Rum 3',
          agenda: [
            {
              id: 'i1',
              title: 'Zonen',
              siteId: 's1',
              zoneId: 'z1',
              reportId: 'r1',
              minutes: 'Rad 1\nRad 2',
              position: 1,
              version: 2,
              updatedAt: '',
              updatedBy: null,
            },
            {
              id: 'i2',
              title: 'Övrigt',
              siteId: null,
              zoneId: null,
              reportId: null,
              minutes: '',
              position: 2,
              version: 1,
              updatedAt: '',
              updatedBy: null,
            },
          ],
          decisions: [
            {
              id: 'd1',
              text: 'Överens',
              agendaItemId: 'i1',
              zoneId: 'z1',
              zoneVersion: 3,
              createdAt: '',
              createdBy: null,
            },
          ],
          actions: [
            {
              id: 'a1',
              title: 'Ring',
              ownerId: 'u1',
              dueDate: '2026-03-27',
              status: 'open',
              overdue: true,
              meetingId: 'm1',
              agendaItemId: null,
              version: 1,
              doneAt: null,
              updatedAt: '',
            },
          ],
        }),
        sites: new Map([['s1', 'Sprutbytet']]),
        zones: new Map([['z1', 'Zon S']]),
        reports: new Map([
          ['r1', { category: 'staff_safety' as const, occurredAt: new Date('2026-03-20T23:30:00Z') }],
        ]),
      }),
      'sv',
    );
    // 11:00 UTC on 29 March 2026 is 13:00 in Malmö (summer time began that night).
    expect(text).toContain('- **Tid:** 2026-03-29 13:00 (Europe/Stockholm)');
    expect(text).toContain('- **Plats:** Rum 3');
    expect(text).toContain('- Polisen \\<Malmö\\> (polis)');
    expect(text).toContain(
      '### 1\\. Zonen\n\n*Verksamhet:* Sprutbytet · *Zon:* Zon S · *Fältrapport:* personalens säkerhet, 2026-03-21\n\nRad 1  \nRad 2',
    );
    expect(text).toContain('### 2\\. Övrigt\n\n*Inget protokoll.*');
    expect(text).toContain('1. Överens — *Punkt:* 1\\. Zonen · *Zon:* Zon S, version 3');
    expect(text).toContain(
      '- [ ] Ring — *Ansvarig:* Anna \\& Bo · *Klart senast:* 2026-03-27 · *Status:* öppen, försenad',
    );
  });

  it('says so when there is nothing to list, in English too', () => {
    const text = renderMinutesMarkdown(document(), 'en');
    expect(text).toContain('## Agenda\n\nNo agenda.');
    expect(text).toContain('No decisions.');
    expect(text).toContain('No actions.');
    expect(text).toContain('(police)');
  });
});

describe('renderMinutesHtml', () => {
  it('escapes every user text and carries the print rules', () => {
    const html = renderMinutesHtml(
      document({
        meeting: meeting({
          title: '<script>alert(1)</script>',
          place: '"><img src=x>',
          series: "O'Brien",
          agenda: [
            {
              id: 'i1',
              title: '<b>',
              siteId: null,
              zoneId: null,
              reportId: null,
              minutes: '</div><script>x()</script>',
              position: 1,
              version: 1,
              updatedAt: '',
              updatedBy: null,
            },
          ],
          decisions: [
            {
              id: 'd1',
              text: '<iframe>',
              agendaItemId: null,
              zoneId: null,
              zoneVersion: null,
              createdAt: '',
              createdBy: null,
            },
          ],
        }),
      }),
      'sv',
    );
    expect(html).not.toMatch(/<script|<img|<iframe|<b>/);
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; – Protokoll</title>');
    expect(html).toContain('<dd>&quot;&gt;&lt;img src=x&gt;</dd>');
    expect(html).toContain('O&#39;Brien');
    expect(html).toContain('<div class="minutes">&lt;/div&gt;&lt;script&gt;x()&lt;/script&gt;</div>');
    expect(html).toContain('<li>Polisen &lt;Malmö&gt; (polis)</li>');
    expect(html).toContain('@page { size: A4;');
    // Table cells never split a word to fit a narrow column (overflow-wrap: anywhere did).
    expect(html).not.toMatch(/th, td \{[^}]*overflow-wrap: anywhere/);
    expect(html).toMatch(/th, td \{[^}]*overflow-wrap: break-word/);
    expect(html).toContain('<html lang="sv">');
  });

  it('escapes the five characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
