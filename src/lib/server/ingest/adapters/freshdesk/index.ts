// The Freshdesk import format (API v2 JSON).
export { freshdeskAdapter } from './freshdeskAdapter';
