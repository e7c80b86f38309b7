export { csvAdapter } from './csvAdapter';
export { parseCsvMapping } from './parseCsvMapping';
export { CSV_FIELDS } from './csvFields';
