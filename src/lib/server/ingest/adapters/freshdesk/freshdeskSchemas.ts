// The parts of Freshdesk's API v2 objects this adapter reads (tickets with `include=
// conversations,stats`, conversations, satisfaction ratings, agents, groups, solution
// articles), as zod schemas. Unknown keys are ignored; ids may be numbers, floats or strings.
import { z } from 'zod';
import { optionalVendorId, vendorId } from '../shared/vendorValues';

const text = z.string().nullish();
/** A time as ISO text or Unix seconds; read with vendorTime. */
const time = z.union([z.string(), z.number()]).nullish();
const code = z.union([z.number(), z.string()]).nullish();

export const freshdeskConversationSchema = z.object({
	id: vendorId,
	ticket_id: optionalVendorId,
	user_id: optionalVendorId,
	body: text,
	body_text: text,
	incoming: z.boolean().nullish(),
	private: z.boolean().nullish(),
	source: code,
	created_at: time
});

export const freshdeskRatingSchema = z.object({
	id: vendorId,
	ticket_id: vendorId,
	ratings: z.record(z.string(), z.union([z.number(), z.string()]).nullish()).nullish(),
	feedback: text,
	created_at: time,
	updated_at: time
});

export const freshdeskTicketSchema = z.object({
	id: vendorId,
	created_at: time,
	updated_at: time,
	subject: text,
	description: text,
	description_text: text,
	/** The legacy (v1-style) list spelling of description_html. */
	description_html: text,
	status: code,
	status_name: text,
	priority: code,
	source: code,
	type: text,
	ticket_type: text,
	tags: z.array(z.string()).nullish(),
	requester_id: optionalVendorId,
	responder_id: optionalVendorId,
	group_id: optionalVendorId,
	deleted: z.boolean().nullish(),
	spam: z.boolean().nullish(),
	custom_fields: z.record(z.string(), z.unknown()).nullish(),
	stats: z
		.object({
			first_responded_at: time,
			resolved_at: time,
			closed_at: time,
			reopened_at: time,
			status_updated_at: time
		})
		.nullish(),
	conversations: z.array(z.unknown()).nullish(),
	satisfaction_rating: z.unknown().optional()
});

export const freshdeskAgentSchema = z.object({
	id: vendorId,
	contact: z.object({ email: text, name: text }).nullish(),
	email: text,
	type: text
});

export const freshdeskGroupSchema = z.object({ id: vendorId, name: z.string() });

export const freshdeskArticleSchema = z.object({
	id: vendorId,
	title: z.string(),
	description: text,
	description_text: text,
	status: code,
	language: text,
	updated_at: time,
	folder_id: optionalVendorId
});

export type FreshdeskTicket = z.output<typeof freshdeskTicketSchema>;
export type FreshdeskConversation = z.output<typeof freshdeskConversationSchema>;
export type FreshdeskRating = z.output<typeof freshdeskRatingSchema>;
