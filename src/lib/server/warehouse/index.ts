export { Warehouse, openWarehouse, withWarehouse, type OpenOptions } from './openWarehouse';
export { WarehouseConnection, type Row, type SqlParams } from './WarehouseConnection';
export { resolveDbPath, DEFAULT_DB_PATH } from './resolveDbPath';
export type { DerivedRefresher } from './DerivedRefresher';
export { warehouseStats, type WarehouseStats } from './warehouseStats';
