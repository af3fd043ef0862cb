// Texts of the app on the phone: the zones kept for the check, installing and updating the app, offline, push
// notifications and the phone's own "a zone near you comes into force", in both languages. dictionary.ts merges
// them into the one dictionary.

export const phoneTextsSv = {
  'check.zonesSynced': 'zoner synkade {time}',
  'check.zonesStale':
    'Zonerna på telefonen synkades senast {when} och kan vara inaktuella. Svaret gäller dem; anslut för att hämta nya.',
  'update.ready': 'En ny version är klar',
  'update.reload': 'Ladda om',
  'offline.badge': 'Offline',
  'offline.explain':
    'Ingen anslutning. Kontrollen, den sparade naloxonguiden och utkorgen fungerar; meddelanden skickas när anslutningen är tillbaka.',
  'push.title': 'Aviseringar',
  'push.close': 'Stäng',
  'push.toggle': 'Avisera mig om brådskande larm på den här enheten',
  'push.why':
    'Då når ett brådskande larm dig även när appen är stängd. Telefonen frågar om lov först när du slår på det, och aviseringen för direktmeddelanden visar bara vem som skrev.',
  'push.denied': 'Aviseringar är blockerade för den här webbplatsen. Tillåt dem i webbläsarens inställningar.',
  'push.iosHomeScreen':
    'På iPhone fungerar aviseringar när appen har lagts till på hemskärmen (Dela → Lägg till på hemskärmen). Öppna den därifrån och slå på aviseringar.',
  'push.unsupported': 'Den här webbläsaren kan inte ta emot aviseringar.',
  'push.failed': 'Aviseringarna kunde inte slås på. Försök igen.',
  'zoneSoon.toggle': 'Säg till när en zon nära mig börjar gälla inom en timme',
  'zoneSoon.why':
    'Bara medan appen är öppen: telefonen följer sin position och jämför den med zonerna som är sparade på den. Positionen skickas ingenstans.',
  'zoneSoon.unsupported': 'Den här webbläsaren kan inte visa aviseringar eller ange sin position.',
  'zoneSoon.noPosition':
    'Appen får inte använda telefonens position. Tillåt det i webbläsarens inställningar och slå på det igen.',
  'zoneSoon.notificationTitle': '{zone} börjar gälla kl. {time}',
  'zoneSoon.notificationNear': '{distance} från dig ({site}).',
  'zoneSoon.notificationInside': 'Du är inne i zonen ({site}).',
};

export const phoneTextsEn: Record<keyof typeof phoneTextsSv, string> = {
  'check.zonesSynced': 'zones synced {time}',
  'check.zonesStale':
    'The zones on this phone were last synced {when} and may be out of date. The answer is from them; connect to get new ones.',
  'update.ready': 'A new version is ready',
  'update.reload': 'Reload',
  'offline.badge': 'Offline',
  'offline.explain':
    'No connection. The check, the saved naloxone guide and the outbox work; messages are sent when the connection is back.',
  'push.title': 'Notifications',
  'push.close': 'Close',
  'push.toggle': 'Notify me of urgent alerts on this device',
  'push.why':
    'An urgent alert then reaches you even when the app is closed. The phone asks for permission only when you turn this on, and a direct message notification shows only who wrote.',
  'push.denied': 'Notifications are blocked for this site. Allow them in the browser settings.',
  'push.iosHomeScreen':
    'On iPhone, notifications work once the app is added to the home screen (Share → Add to Home Screen). Open it from there and turn notifications on.',
  'push.unsupported': 'This browser cannot receive notifications.',
  'push.failed': 'Notifications could not be turned on. Try again.',
  'zoneSoon.toggle': 'Tell me when a zone near me comes into force within the hour',
  'zoneSoon.why':
    'Only while the app is open: the phone follows its position and compares it with the zones kept on it. The position is sent nowhere.',
  'zoneSoon.unsupported': 'This browser cannot show notifications or give its position.',
  'zoneSoon.noPosition': 'The app may not use the phone’s position. Allow it in the browser settings and turn this on again.',
  'zoneSoon.notificationTitle': '{zone} comes into force at {time}',
  'zoneSoon.notificationNear': '{distance} from you ({site}).',
  'zoneSoon.notificationInside': 'You are inside the zone ({site}).',
};
