// GeoJSON structure checks and zone schedules, shared by the api and the web app: pure code, no I/O.
export { MAX_ERROR_DETAILS } from './error-list';
export * from './geometry-validation';
export * from './schedule';
export * from './schedule-diff';
export * from './schedule-words';
export * from './suspension';
export * from './opening-state';
export * from './zone-soon';
export * from './zone-time-state';
export * from './shape-index';
