// The Help Scout import format (Mailbox API v2 and Docs API JSON).
export { helpscoutAdapter } from './helpscoutAdapter';
