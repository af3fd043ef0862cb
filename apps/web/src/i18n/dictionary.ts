// Every text the app shows, in Swedish and English. Placeholders are written {name} and must be the same
// in both languages (dictionary.spec.ts checks it).

const sv = {
  'app.name': 'Samverkan',
  'app.tagline': 'Polisen och de skadereducerande verksamheterna i Malmö',
  'app.restoring': 'Kontrollerar din inloggning …',
  'app.unreachable.title': 'Det går inte att nå Samverkan',
  'app.unreachable.body': 'Kontrollera din uppkoppling och försök igen.',
  'app.retry': 'Försök igen',
  'app.skipToContent': 'Hoppa till innehållet',

  'language.label': 'Språk',

  'role.admin': 'Administratör',
  'role.coordinator': 'Samordnare',
  'role.police': 'Polis',
  'role.service': 'Personal, skadereduktion',
  'role.signatory': 'Signatär',

  'signIn.title': 'Logga in',
  'signIn.email': 'E-postadress',
  'signIn.password': 'Lösenord',
  'signIn.showPassword': 'Visa lösenord',
  'signIn.submit': 'Logga in',
  'signIn.submitting': 'Loggar in …',
  'signIn.sessionEnded': 'Du har blivit utloggad. Logga in igen för att fortsätta.',
  'signIn.signedOut': 'Du är utloggad.',
  'signIn.error.missingFields': 'Fyll i både e-postadress och lösenord.',
  'signIn.error.wrongCredentials': 'Fel e-postadress eller lösenord.',
  'signIn.error.invalid': 'Kontrollera att e-postadressen är rätt skriven och försök igen.',

  'error.rateLimited': 'För många försök. Vänta en minut och försök igen.',
  'error.network': 'Det går inte att nå Samverkan. Kontrollera din uppkoppling och försök igen.',
  'error.server': 'Samverkan fungerar inte just nu. Försök igen om en stund.',

  'shell.signedInAs': 'Inloggad som',
  'shell.signOut': 'Logga ut',
  'shell.signingOut': 'Loggar ut …',

  'welcome.title': 'Välkommen, {name}',
  'welcome.purpose':
    'Samverkan hjälper polisen och Malmös skadereducerande verksamheter – sprututbyte, substitutionsbehandling, naloxonutdelning och uppsökande arbete – att komma överens om zoner runt verksamheterna där polisen avstår från ingripanden under avtalade tider, så att människor vågar söka hjälp.',
  'welcome.together':
    'Här ser båda sidor samma karta och samma överenskommelser, och kan hålla kontakten med varandra.',
  'welcome.role.heading': 'Din roll: {role}',
  'welcome.role.admin':
    'Som administratör lägger du upp organisationer och användarkonton och ser till att rätt personer får underteckna överenskommelser.',
  'welcome.role.coordinator':
    'Som samordnare ser du alla platser, zoner och fältrapporter, förbereder de gemensamma mötena och hjälper båda sidor att komma överens.',
  'welcome.role.police':
    'Som polis ser du vilka zoner som är överenskomna och om en zon gäller just nu, och du kan skicka meddelanden och fältrapporter till verksamheterna.',
  'welcome.role.service':
    'Som personal på en skadereducerande verksamhet håller du verksamhetens platser och öppettider aktuella, föreslår zoner och håller kontakten med polisen.',
  'welcome.sign.heading': 'Underteckna överenskommelser',
  'welcome.sign.yes': 'Du får underteckna zonöverenskommelser för din organisation.',
  'welcome.sign.no': 'Du kan inte underteckna zonöverenskommelser. Det gör din organisations signatärer.',
  'welcome.sign.noCoordination':
    'Din roll undertecknar inte zonöverenskommelser. Det gör signatärerna hos polisen och hos verksamheterna.',
  'welcome.sign.rule':
    'En zon börjar gälla när en signatär från polisen och en signatär från en verksamhet har godkänt samma version av den.',
  'welcome.privacy.heading': 'Inga personuppgifter',
  'welcome.privacy.body':
    'Skriv aldrig något som kan identifiera en person – inga namn, personnummer, telefonnummer eller e-postadresser – i meddelanden och rapporter.',
} as const;

export type MessageKey = keyof typeof sv;

const en: Record<MessageKey, string> = {
  'app.name': 'Samverkan',
  'app.tagline': 'The police and the harm reduction services in Malmö',
  'app.restoring': 'Checking your sign-in …',
  'app.unreachable.title': 'Samverkan cannot be reached',
  'app.unreachable.body': 'Check your connection and try again.',
  'app.retry': 'Try again',
  'app.skipToContent': 'Skip to content',

  'language.label': 'Language',

  'role.admin': 'Administrator',
  'role.coordinator': 'Coordinator',
  'role.police': 'Police officer',
  'role.service': 'Harm reduction staff',
  'role.signatory': 'Signatory',

  'signIn.title': 'Sign in',
  'signIn.email': 'E-mail address',
  'signIn.password': 'Password',
  'signIn.showPassword': 'Show password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in …',
  'signIn.sessionEnded': 'You have been signed out. Sign in again to continue.',
  'signIn.signedOut': 'You are signed out.',
  'signIn.error.missingFields': 'Fill in both your e-mail address and your password.',
  'signIn.error.wrongCredentials': 'Wrong e-mail or password.',
  'signIn.error.invalid': 'Check that the e-mail address is written correctly and try again.',

  'error.rateLimited': 'Too many attempts, wait a minute and try again.',
  'error.network': 'Samverkan cannot be reached. Check your connection and try again.',
  'error.server': 'Samverkan is not working right now. Try again in a moment.',

  'shell.signedInAs': 'Signed in as',
  'shell.signOut': 'Sign out',
  'shell.signingOut': 'Signing out …',

  'welcome.title': 'Welcome, {name}',
  'welcome.purpose':
    "Samverkan helps the police and Malmö's harm reduction services – needle exchange, opioid substitution treatment, naloxone distribution and outreach – agree on zones around the services where the police refrain from enforcement at agreed times, so that people dare to seek help.",
  'welcome.together':
    'Both sides see the same map and the same agreements here, and can stay in touch with each other.',
  'welcome.role.heading': 'Your role: {role}',
  'welcome.role.admin':
    'As an administrator you set up organisations and user accounts, and make sure the right people may sign agreements.',
  'welcome.role.coordinator':
    'As a coordinator you see every site, zone and field report, prepare the joint meetings and help both sides reach agreement.',
  'welcome.role.police':
    'As a police officer you see which zones are agreed and whether a zone is in force right now, and you can send messages and field reports to the services.',
  'welcome.role.service':
    "As staff at a harm reduction service you keep your service's sites and opening hours up to date, propose zones and stay in touch with the police.",
  'welcome.sign.heading': 'Signing agreements',
  'welcome.sign.yes': 'You may sign zone agreements for your organisation.',
  'welcome.sign.no': "You cannot sign zone agreements. Your organisation's signatories do that.",
  'welcome.sign.noCoordination':
    'Your role does not sign zone agreements. The signatories of the police and of the services do that.',
  'welcome.sign.rule':
    'A zone comes into force when a police signatory and a service signatory have approved the same version of it.',
  'welcome.privacy.heading': 'No personal details',
  'welcome.privacy.body':
    'Never write anything that could identify a person – no names, personal identity numbers, phone numbers or e-mail addresses – in messages and reports.',
};

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const dictionary: Record<Language, Record<MessageKey, string>> = { sv, en };

/** Each language's name in that language, for the language switch. */
export const LANGUAGE_NAMES: Record<Language, string> = { sv: 'Svenska', en: 'English' };
