// The boundaries between the parts of Samverkan, checked by `npm run lint` (dependency-cruiser 17; 18 needs
// Node 22). There are no known violations: a new import across a boundary fails the lint with the rule's reason.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle makes the order of loading matter and the parts impossible to read one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-stand-alone',
      severity: 'error',
      comment: 'libs/ is shared by the api and the web app: it may not lean on either.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'api-and-web-apart',
      severity: 'error',
      comment: 'The api and the web app share code only through libs/.',
      from: { path: '^apps/(api|cli)/' },
      to: { path: '^apps/web/' },
    },
    {
      name: 'web-and-api-apart',
      severity: 'error',
      comment: 'The api and the web app share code only through libs/.',
      from: { path: '^apps/web/' },
      to: { path: '^apps/(api|cli)/' },
    },
    {
      name: 'web-features-not-into-the-shell',
      severity: 'error',
      comment:
        'The shell (apps/web/src/app) puts the features together; a feature that imports it cannot be placed ' +
        'without it. Shared widgets belong in a ui/ folder of their own.',
      from: { path: '^apps/web/src/(?!app/|main\\.tsx)' },
      to: { path: '^apps/web/src/app/' },
    },
    {
      name: 'web-ui-below-the-features',
      severity: 'error',
      comment: 'ui/ holds the widgets every feature uses (icons, dialogs, the panel frame): it knows no feature and no shell.',
      from: { path: '^apps/web/src/ui/' },
      to: { path: '^apps/web/src/(app|admin|auth|chat|map|meetings|naloxone|people|reports|sites|zones)/' },
    },
    {
      name: 'web-state-without-leaflet',
      severity: 'error',
      comment: 'Stores and other data code import no Leaflet: map code lives in the rendering parts (map/).',
      from: { path: '^apps/web/src/.+\\.store\\.ts$' },
      to: { path: 'node_modules/(leaflet|@geoman-io|leaflet\\.markercluster)/' },
    },
    {
      name: 'features-not-into-messaging',
      severity: 'error',
      comment:
        'Zones, sites, meetings and the other features reach sockets through realtime/ and keep their channels in ' +
        "step through events (messaging listens), never through messaging's internals.",
      // app.module.ts is the api's composition root: it puts every module together.
      from: { path: '^apps/api/src/(?!messaging/|app\\.module\\.ts$)' },
      to: { path: '^apps/api/src/messaging/' },
    },
    {
      name: 'realtime-knows-no-feature',
      severity: 'error',
      comment:
        'realtime/ is the socket server and the one publisher: features own what their events mean, realtime only ' +
        'carries them (it may verify the sign-in through auth).',
      from: { path: '^apps/api/src/realtime/' },
      to: { path: '^apps/api/src/(messaging|meetings|zones|sites|reports|kits|guides|people|audit|demo|health|web-app-hosting)/' },
    },
    {
      name: 'common-knows-no-feature',
      severity: 'error',
      comment: 'common/ holds what every module uses (errors, validation, clock, events): it leans on no feature.',
      from: { path: '^apps/api/src/common/' },
      to: { path: '^apps/api/src/(messaging|meetings|zones|sites|reports|kits|guides|people|audit|demo|health|web-app-hosting|realtime)/' },
    },
    {
      name: 'database-knows-no-feature',
      severity: 'error',
      comment:
        'database/ opens the connection, runs migrations and transactions; only its list of entities names the ' +
        "features' tables.",
      from: { path: '^apps/api/src/database/(?!entities\\.ts$)' },
      to: { path: '^apps/api/src/(messaging|meetings|zones|sites|reports|kits|guides|people|audit|demo|health|web-app-hosting|realtime)/' },
    },
    {
      name: 'only-realtime-imports-socket-io',
      severity: 'error',
      comment: 'Every push goes through realtime/: nothing else builds a Socket.IO server or emits to sockets.',
      from: { path: '^apps/api/src/(?!realtime/)' },
      to: { path: 'node_modules/(socket\\.io|@socket\\.io)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'],
    },
  },
};
