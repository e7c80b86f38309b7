export { Warehouse, openWarehouse, withWarehouse, type OpenOptions } from './openWarehouse';
export { WarehouseConnection, type Row, type SqlParams } from './WarehouseConnection';
export { resolveDbPath, DEFAULT_DB_PATH } from './resolveDbPath';
export { DERIVED_REFRESHERS, type DerivedRefresher } from './derivedRefreshers';
export { readConversation, type StoredConversation } from './readConversation';
export { warehouseStats, type WarehouseStats } from './warehouseStats';
