// The map screen's notices and the check's answer at a zone's edge, in both languages.
// dictionary.ts merges them into the one dictionary; dictionary.spec.ts checks them with the rest.

export const mapLayoutTextsSv = {
  'map.notice.close': 'Stäng meddelandet',
  'map.siteCluster': '{count} verksamheter här – zooma in',
  'check.answer.atEdge': 'Vid kanten av en zon: den kan gälla här, eller inte',
  'check.edge.why':
    'Din position är osäker (ungefär {accuracy}) och kanten av {zone} ligger {distance} bort. Kontrollera igen om en stund, gärna utomhus.',
} as const;

export const mapLayoutTextsEn: Record<keyof typeof mapLayoutTextsSv, string> = {
  'map.notice.close': 'Close the notice',
  'map.siteCluster': '{count} services here – zoom in',
  'check.answer.atEdge': 'At the edge of a zone: it may or may not apply here',
  'check.edge.why':
    'Your position is only known to about {accuracy}, and the edge of {zone} is {distance} away. Check again in a moment, outdoors if you can.',
};
