// What each output format of the generator provides: its ids, whether it can hold a
// conversation, how to write it, and what the import adapter will read back from it (so the
// manifest's expected KPIs describe the records as they will be imported, not as planned).
import type { BuiltConversation, Source } from './buildConversation';

export type CanonicalRecord = BuiltConversation['conversation'];

export interface ReadBack {
	/** The conversation as the format's adapter will produce it. */
	conversation: CanonicalRecord;
	/** Generator event id → the id the imported event will carry (undefined: not imported). */
	eventId(id: string): string | undefined;
}

export interface SampleFormat {
	readonly source: Source;
	/** Formats that cannot tell the AI's messages apart get conversations without AI. */
	readonly humanOnly: boolean;
	/** Formats that need a known customer for every conversation (Zendesk's requester). */
	readonly needsCustomerId: boolean;
	/** Formats with no record of an agent reviewing an AI draft get no drafts. */
	readonly noDrafts: boolean;
	/** Channel weights for this format's stories, when it cannot express every channel. */
	readonly channels?: Record<string, number>;
	conversationId(n: number): string;
	customerId(n: number): string;
	/** Writes one conversation; returns what its import will yield. */
	write(conversation: CanonicalRecord): Promise<ReadBack>;
	close(): Promise<void>;
}
