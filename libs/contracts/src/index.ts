// The public contract (../shared/CONTRACT.md) as TypeScript types, shared by the api and the web app.
export * from './errors';
export * from './people';
export * from './geojson';
export * from './sites';
export * from './zones';
export * from './audit';
export * from './messaging';
export * from './socket-events';
export * from './reports';
export * from './naloxone';
export * from './client';
export * from './meetings';
export * from './meeting-access';
export * from './site-access';
export * from './zone-access';
export * from './report-access';
export * from './naloxone-access';
