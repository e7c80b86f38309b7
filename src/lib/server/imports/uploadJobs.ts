// The dashboard process's one upload queue, importing into the server's warehouse.
import { appWarehouse } from '../appWarehouse';
import { ImportJobs } from './ImportJobs';

export const uploadJobs = new ImportJobs(appWarehouse);
