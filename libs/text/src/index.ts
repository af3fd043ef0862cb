// Text rules from the contract and the identity guard for field reports: pure code, no I/O.
export * from './text-rules';
export * from './identity-guard';
export * from './phone-number';
