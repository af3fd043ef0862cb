import { DateTime } from 'luxon';
import {
  DEFAULT_TIMEZONE,
  type Meeting,
  type MinutesLanguage,
  type OrganisationKind,
  type ReportCategory,
} from '@samverkan/contracts';
import { localToday } from '../common/calendar-dates';

// The minutes of a meeting as Markdown or as a printable HTML page (A4). Pure functions: the service gathers
// the names, these only write. Every text from users is escaped: in Markdown so that it reads as text (a title
// cannot become a heading, a link or raw HTML), in HTML so that it is never markup.

export interface MinutesDocument {
  meeting: Meeting;
  organisations: { id: string; name: string; kind: OrganisationKind }[];
  /** Display names of the actions' owners, by user id. */
  people: Map<string, string>;
  sites: Map<string, string>;
  /** Zone names (current version), by zone id. */
  zones: Map<string, string>;
  /** The linked field reports' category and time: never their text or author. */
  reports: Map<string, { category: ReportCategory; occurredAt: Date }>;
  exportedAt: Date;
}

interface Labels {
  minutes: string;
  time: string;
  place: string;
  series: string;
  organisations: string;
  agenda: string;
  noAgenda: string;
  noMinutes: string;
  decisions: string;
  noDecisions: string;
  actions: string;
  noActions: string;
  item: string;
  site: string;
  zone: string;
  version: string;
  report: string;
  owner: string;
  due: string;
  status: string;
  open: string;
  done: string;
  overdue: string;
  exported: string;
  unknown: string;
  kinds: Record<OrganisationKind, string>;
  categories: Record<ReportCategory, string>;
}

const LABELS: Record<MinutesLanguage, Labels> = {
  sv: {
    minutes: 'Protokoll',
    time: 'Tid',
    place: 'Plats',
    series: 'Serie',
    organisations: 'Deltagande organisationer',
    agenda: 'Dagordning',
    noAgenda: 'Ingen dagordning.',
    noMinutes: 'Inget protokoll.',
    decisions: 'Beslut',
    noDecisions: 'Inga beslut.',
    actions: 'Uppgifter',
    noActions: 'Inga uppgifter.',
    item: 'Punkt',
    site: 'Verksamhet',
    zone: 'Zon',
    version: 'version',
    report: 'Fältrapport',
    owner: 'Ansvarig',
    due: 'Klart senast',
    status: 'Status',
    open: 'öppen',
    done: 'klar',
    overdue: 'försenad',
    exported: 'Exporterad',
    unknown: '(okänd)',
    kinds: { police: 'polis', service: 'verksamhet', coordination: 'samordning' },
    categories: {
      enforcement_near_site: 'polisinsats nära verksamhet',
      diversion: 'läckage av LARO-läkemedel',
      staff_safety: 'personalens säkerhet',
      public_nuisance: 'olägenhet på allmän plats',
      overdose_response: 'överdosinsats',
      other: 'övrigt',
    },
  },
  en: {
    minutes: 'Minutes',
    time: 'Time',
    place: 'Place',
    series: 'Series',
    organisations: 'Participating organisations',
    agenda: 'Agenda',
    noAgenda: 'No agenda.',
    noMinutes: 'No minutes.',
    decisions: 'Decisions',
    noDecisions: 'No decisions.',
    actions: 'Actions',
    noActions: 'No actions.',
    item: 'Item',
    site: 'Site',
    zone: 'Zone',
    version: 'version',
    report: 'Field report',
    owner: 'Owner',
    due: 'Due',
    status: 'Status',
    open: 'open',
    done: 'done',
    overdue: 'overdue',
    exported: 'Exported',
    unknown: '(unknown)',
    kinds: { police: 'police', service: 'service', coordination: 'coordination' },
    categories: {
      enforcement_near_site: 'enforcement near a site',
      diversion: 'diversion of OST medicine',
      staff_safety: 'staff safety',
      public_nuisance: 'public nuisance',
      overdose_response: 'overdose response',
      other: 'other',
    },
  },
};

function localTime(value: string | Date): string {
  const time = typeof value === 'string' ? DateTime.fromISO(value) : DateTime.fromJSDate(value);
  return time.setZone(DEFAULT_TIMEZONE).toFormat('yyyy-MM-dd HH:mm');
}

/** The facts of one agenda item, decision or action, as plain text parts (escaped by the writer). */
interface Fact {
  label: string;
  value: string;
}

function itemFacts(document: MinutesDocument, item: Meeting['agenda'][number], labels: Labels): Fact[] {
  const facts: Fact[] = [];
  if (item.siteId)
    facts.push({ label: labels.site, value: document.sites.get(item.siteId) ?? labels.unknown });
  if (item.zoneId)
    facts.push({ label: labels.zone, value: document.zones.get(item.zoneId) ?? labels.unknown });
  if (item.reportId) {
    const report = document.reports.get(item.reportId);
    facts.push({
      label: labels.report,
      value: report
        ? `${labels.categories[report.category]}, ${localToday(report.occurredAt)}`
        : labels.unknown,
    });
  }
  return facts;
}

function decisionFacts(
  document: MinutesDocument,
  decision: Meeting['decisions'][number],
  labels: Labels,
): Fact[] {
  const facts: Fact[] = [];
  const item = document.meeting.agenda.find((entry) => entry.id === decision.agendaItemId);
  if (item) facts.push({ label: labels.item, value: `${item.position}. ${item.title}` });
  if (decision.zoneId) {
    const name = document.zones.get(decision.zoneId) ?? labels.unknown;
    facts.push({
      label: labels.zone,
      value: decision.zoneVersion ? `${name}, ${labels.version} ${decision.zoneVersion}` : name,
    });
  }
  return facts;
}

function actionStatus(action: Meeting['actions'][number], labels: Labels): string {
  if (action.status === 'done') return labels.done;
  return action.overdue ? `${labels.open}, ${labels.overdue}` : labels.open;
}

// ------------------------------------------------------------------ Markdown

/** Characters that start Markdown syntax anywhere in a line (CommonMark lets any ASCII punctuation be escaped). */
const MARKDOWN_INLINE = /[\\`*_[\]<>#|~&!]/g;
/** Line starts that make a list, a heading underline or a numbered list. */
const MARKDOWN_LINE_START = /^(\s*)([-+=]|\d+(?=[.)]))/;

function mdLine(line: string): string {
  const escaped = line.replace(MARKDOWN_INLINE, (character) => `\\${character}`);
  return escaped.replace(MARKDOWN_LINE_START, (_match, space: string, start: string) =>
    /^\d/.test(start) ? `${space}${start}\\` : `${space}\\${start}`,
  );
}

/** A text on one line (a heading, a list entry): line breaks become spaces. */
export function markdownInline(text: string): string {
  return mdLine(text.replace(/\r\n|\r|\n/g, ' '));
}

/** A text of several lines as it was written: each line escaped, line breaks kept as hard breaks. */
export function markdownBlock(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(mdLine)
    .join('  \n');
}

function mdFacts(facts: Fact[]): string {
  return facts.map((fact) => `*${fact.label}:* ${markdownInline(fact.value)}`).join(' · ');
}

export function renderMinutesMarkdown(document: MinutesDocument, language: MinutesLanguage): string {
  const labels = LABELS[language];
  const { meeting } = document;
  const lines: string[] = [`# ${markdownInline(meeting.title)}`, '', `*${labels.minutes}*`, ''];
  lines.push(`- **${labels.time}:** ${localTime(meeting.startsAt)} (${DEFAULT_TIMEZONE})`);
  if (meeting.place !== null) lines.push(`- **${labels.place}:** ${markdownInline(meeting.place)}`);
  if (meeting.series !== null) lines.push(`- **${labels.series}:** ${markdownInline(meeting.series)}`);

  lines.push('', `## ${labels.organisations}`, '');
  for (const organisation of document.organisations) {
    lines.push(`- ${markdownInline(organisation.name)} (${labels.kinds[organisation.kind]})`);
  }

  lines.push('', `## ${labels.agenda}`, '');
  if (!meeting.agenda.length) lines.push(labels.noAgenda, '');
  for (const item of meeting.agenda) {
    lines.push(`### ${item.position}\\. ${markdownInline(item.title)}`, '');
    const facts = itemFacts(document, item, labels);
    if (facts.length) lines.push(mdFacts(facts), '');
    lines.push(item.minutes.length ? markdownBlock(item.minutes) : `*${labels.noMinutes}*`, '');
  }

  lines.push(`## ${labels.decisions}`, '');
  if (!meeting.decisions.length) lines.push(labels.noDecisions);
  meeting.decisions.forEach((decision, index) => {
    const facts = decisionFacts(document, decision, labels);
    lines.push(`${index + 1}. ${markdownInline(decision.text)}${facts.length ? ` — ${mdFacts(facts)}` : ''}`);
  });

  lines.push('', `## ${labels.actions}`, '');
  if (!meeting.actions.length) lines.push(labels.noActions);
  for (const action of meeting.actions) {
    const owner = document.people.get(action.ownerId) ?? labels.unknown;
    lines.push(
      `- [${action.status === 'done' ? 'x' : ' '}] ${markdownInline(action.title)} — ` +
        `*${labels.owner}:* ${markdownInline(owner)} · *${labels.due}:* ${action.dueDate} · *${labels.status}:* ${actionStatus(action, labels)}`,
    );
  }
  lines.push('', '---', '', `*${labels.exported} ${localTime(document.exportedAt)}*`, '');
  return lines.join('\n');
}

// ------------------------------------------------------------------ HTML

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

const PRINT_CSS = `
@page { size: A4; margin: 18mm 16mm 20mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.45;
  color: #111; max-width: 178mm; margin: 0 auto; padding: 12mm 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 8mm 0 3mm; border-bottom: 1px solid #888; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 12pt; margin: 5mm 0 1mm; break-after: avoid; }
.subtitle { color: #444; margin: 0 0 4mm; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.links { color: #333; font-size: 10pt; margin: 0 0 1mm; }
.minutes { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.empty { color: #666; font-style: italic; }
ol.agenda { list-style: none; padding: 0; margin: 0; }
li.item { break-inside: avoid-page; }
table { width: 100%; border-collapse: collapse; font-size: 10pt; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #ccc; padding: 1.5mm 2mm;
  overflow-wrap: break-word; hyphens: auto; }
/* "anywhere" let narrow columns shrink below a word and split it ("Ansvar-ig"): break-word keeps every column at
   least as wide as its longest word, and the action's title takes the width left over. */
th:first-child, td:first-child { width: 100%; }
th.due, td.due { white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.overdue { font-weight: 600; }
footer { margin-top: 10mm; color: #555; font-size: 9pt; }
@media screen { body { padding: 12mm; } }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

function htmlFacts(facts: Fact[]): string {
  return facts
    .map((fact) => `<span><strong>${escapeHtml(fact.label)}:</strong> ${escapeHtml(fact.value)}</span>`)
    .join(' · ');
}

export function renderMinutesHtml(document: MinutesDocument, language: MinutesLanguage): string {
  const labels = LABELS[language];
  const { meeting } = document;
  const parts: string[] = [];
  parts.push(
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(meeting.title)} – ${labels.minutes}</title>`,
    `<style>${PRINT_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(meeting.title)}</h1>`,
    `<p class="subtitle">${labels.minutes}</p>`,
    '<dl class="facts">',
    `<dt>${labels.time}</dt><dd>${localTime(meeting.startsAt)} (${DEFAULT_TIMEZONE})</dd>`,
  );
  if (meeting.place !== null) parts.push(`<dt>${labels.place}</dt><dd>${escapeHtml(meeting.place)}</dd>`);
  if (meeting.series !== null) parts.push(`<dt>${labels.series}</dt><dd>${escapeHtml(meeting.series)}</dd>`);
  parts.push('</dl>', '</header>');

  parts.push('<section>', `<h2>${labels.organisations}</h2>`, '<ul>');
  for (const organisation of document.organisations) {
    parts.push(`<li>${escapeHtml(organisation.name)} (${labels.kinds[organisation.kind]})</li>`);
  }
  parts.push('</ul>', '</section>');

  parts.push('<section>', `<h2>${labels.agenda}</h2>`);
  if (!meeting.agenda.length) parts.push(`<p class="empty">${labels.noAgenda}</p>`);
  else {
    parts.push('<ol class="agenda">');
    for (const item of meeting.agenda) {
      const facts = itemFacts(document, item, labels);
      parts.push(
        '<li class="item">',
        `<h3>${item.position}. ${escapeHtml(item.title)}</h3>`,
        facts.length ? `<p class="links">${htmlFacts(facts)}</p>` : '',
        item.minutes.length
          ? `<div class="minutes">${escapeHtml(item.minutes)}</div>`
          : `<p class="empty">${labels.noMinutes}</p>`,
        '</li>',
      );
    }
    parts.push('</ol>');
  }
  parts.push('</section>');

  parts.push('<section>', `<h2>${labels.decisions}</h2>`);
  if (!meeting.decisions.length) parts.push(`<p class="empty">${labels.noDecisions}</p>`);
  else {
    parts.push('<ol>');
    for (const decision of meeting.decisions) {
      const facts = decisionFacts(document, decision, labels);
      parts.push(
        `<li><span class="minutes">${escapeHtml(decision.text)}</span>${facts.length ? `<br><small>${htmlFacts(facts)}</small>` : ''}</li>`,
      );
    }
    parts.push('</ol>');
  }
  parts.push('</section>');

  parts.push('<section>', `<h2>${labels.actions}</h2>`);
  if (!meeting.actions.length) parts.push(`<p class="empty">${labels.noActions}</p>`);
  else {
    parts.push(
      '<table>',
      `<thead><tr><th>${labels.actions}</th><th>${labels.owner}</th><th class="due">${labels.due}</th><th>${labels.status}</th></tr></thead>`,
      '<tbody>',
    );
    for (const action of meeting.actions) {
      const owner = document.people.get(action.ownerId) ?? labels.unknown;
      parts.push(
        `<tr${action.overdue ? ' class="overdue"' : ''}><td>${escapeHtml(action.title)}</td><td>${escapeHtml(owner)}</td>` +
          `<td class="due">${action.dueDate}</td><td>${actionStatus(action, labels)}</td></tr>`,
      );
    }
    parts.push('</tbody>', '</table>');
  }
  parts.push('</section>');
  parts.push(
    `<footer>${labels.exported} ${localTime(document.exportedAt)}</footer>`,
    '</body>',
    '</html>',
    '',
  );
  return parts.filter((part) => part !== '').join('\n');
}
