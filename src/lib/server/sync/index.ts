export { runSync, parseSyncSource, checkSyncConfig, type SyncOptions, type SyncResult } from './runSync';
export { describeSyncProgress, type SyncProgress } from './SyncProgress';
export { configuredSources } from './vendors';
export { SYNC_SOURCES, type SyncSource } from './VendorSync';
export { listSyncStates } from './syncState';
