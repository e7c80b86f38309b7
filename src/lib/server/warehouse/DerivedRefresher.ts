// The shape of a derived-table refresher; the list of them lives at the composition point
// (src/lib/server/derivedTables.ts), since the tables belong to the parts above this layer.
import type { WarehouseConnection } from './WarehouseConnection';

/**
 * Refreshes derived rows. `affectedTable` names a table with columns (source, id) holding the
 * conversations the import inserted, replaced or removed; null means rebuild everything.
 */
export type DerivedRefresher = (db: WarehouseConnection, affectedTable: string | null) => Promise<void>;
