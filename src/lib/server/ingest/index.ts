export { importFiles, IMPORT_DUCKDB_MEMORY_LIMIT, type ImportOptions } from './importFiles';
export { importConversations } from './importConversations';
export { importRecords, type ImportSummary, type RecordImportOptions } from './importRecords';
export { describeProgress, type ImportProgress } from './ImportProgress';
export { detectFormat } from './detectFormat';
export { FORMATS, type FormatName, type FormatAdapter, type AdapterRecord, type CsvMapping } from './types';
