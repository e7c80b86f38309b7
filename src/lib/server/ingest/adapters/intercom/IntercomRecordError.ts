// An Intercom conversation that cannot be mapped; the message is the quarantine reason.
export class IntercomRecordError extends Error {}
