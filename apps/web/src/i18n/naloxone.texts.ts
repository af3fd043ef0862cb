// More of the naloxone page's texts (directions, phone numbers, the "get a new kit" reminder), in both
// languages. dictionary.ts merges them into the one dictionary; dictionary.spec.ts checks them with the rest.

export const naloxoneTextsSv = {
  'naloxone.nearest.directions': 'Vägbeskrivning',
  'naloxone.nearest.directionsTo': 'Vägbeskrivning till {name} (öppnas i kartappen)',
  'naloxone.nearest.call': 'Ring {phone}',
  'naloxone.nearest.callSite': 'Ring {name}, {phone}',

  'naloxone.replacement.title': 'Skaffa ett nytt kit',
  'naloxone.replacement.one': 'Kitet {label} användes {date}.',
  'naloxone.replacement.many': '{count} kit har använts och inte ersatts än: {labels}.',
  'naloxone.replacement.whom':
    'Hämta ett nytt på en naloxonpunkt (ring gärna först) eller fråga din kontakt på verksamheterna, och registrera det här.',
  'naloxone.replacement.stays': 'Påminnelsen finns kvar tills du har registrerat ett nytt kit.',
  'naloxone.replacement.register': 'Registrera det nya kitet',
  'naloxone.replacement.done': 'Det nya kitet är registrerat.',
} as const;

export const naloxoneTextsEn: Record<keyof typeof naloxoneTextsSv, string> = {
  'naloxone.nearest.directions': 'Directions',
  'naloxone.nearest.directionsTo': 'Directions to {name} (opens the map app)',
  'naloxone.nearest.call': 'Call {phone}',
  'naloxone.nearest.callSite': 'Call {name}, {phone}',

  'naloxone.replacement.title': 'Get a new kit',
  'naloxone.replacement.one': 'The kit {label} was used on {date}.',
  'naloxone.replacement.many': '{count} kits have been used and not yet replaced: {labels}.',
  'naloxone.replacement.whom':
    'Get a new one at a naloxone point (calling ahead helps) or ask your contact at the services, and register it here.',
  'naloxone.replacement.stays': 'This reminder stays until you have registered a new kit.',
  'naloxone.replacement.register': 'Register the new kit',
  'naloxone.replacement.done': 'The new kit is registered.',
};
