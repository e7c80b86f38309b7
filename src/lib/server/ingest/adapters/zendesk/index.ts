// The Zendesk import format: adapter, and the writer the sample generator uses.
export { zendeskAdapter } from './zendeskAdapter';
