// The dashboard process's one upload queue, importing into the server's warehouse; a
// graceful shutdown waits for the running import before the warehouse closes.
import { appWarehouse, beforeWarehouseClose } from '../appWarehouse';
import { ImportJobs } from './ImportJobs';

export const uploadJobs = new ImportJobs(appWarehouse);
beforeWarehouseClose(() => uploadJobs.idle());
