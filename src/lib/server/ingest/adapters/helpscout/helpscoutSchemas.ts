// The parts of Help Scout's Mailbox API v2 objects (conversations, threads, users, mailboxes,
// satisfaction ratings) and Docs API v1 articles this adapter reads, as zod schemas. Unknown
// keys are ignored; ids may be numbers, floats or strings.
import { z } from 'zod';
import { optionalVendorId, vendorId } from '../shared/vendorValues';

const text = z.string().nullish();
const time = z.union([z.string(), z.number()]).nullish();
const person = z.object({ id: optionalVendorId, type: text, email: text }).nullish();

export const helpscoutThreadSchema = z.object({
	id: vendorId,
	type: z.string({ error: 'thread without a type' }),
	status: text,
	state: text,
	body: text,
	createdAt: time,
	createdBy: person,
	assignedTo: person,
	action: z.object({ type: text, text: text }).nullish()
});

export const helpscoutConversationSchema = z.object({
	id: vendorId,
	number: z.unknown().optional(),
	type: text,
	status: text,
	state: text,
	subject: text,
	mailboxId: optionalVendorId,
	createdAt: time,
	closedAt: time,
	userUpdatedAt: time,
	createdBy: person,
	assignee: person,
	primaryCustomer: person,
	source: z.object({ type: text, via: text }).nullish(),
	tags: z.array(z.object({ tag: z.string() })).nullish(),
	customFields: z.array(z.object({ name: text, value: z.unknown().optional(), text: text })).nullish(),
	_embedded: z.object({ threads: z.array(z.unknown()).nullish() }).nullish()
});

export const helpscoutRatingSchema = z.object({
	id: vendorId,
	conversationId: vendorId,
	rating: z.string(),
	comments: text,
	createdAt: time
});

export const helpscoutUserSchema = z.object({ id: vendorId, email: text });
export const helpscoutMailboxSchema = z.object({ id: vendorId, name: z.string() });

/** A Docs article (`GET /v1/articles/{id}`); list items lack `text`. */
export const helpscoutArticleSchema = z.object({
	id: vendorId,
	name: z.string(),
	text: text,
	status: text,
	publicUrl: text,
	updatedAt: time,
	lastPublishedAt: time
});

export type HelpscoutConversation = z.output<typeof helpscoutConversationSchema>;
export type HelpscoutThread = z.output<typeof helpscoutThreadSchema>;
export type HelpscoutRating = z.output<typeof helpscoutRatingSchema>;
