export * from './conversation';
export * from './kbArticle';
export { normalizeTimestamp, timestampSchema } from './timestamp';
export { formatIssues } from './formatIssues';
