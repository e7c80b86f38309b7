// The parts of Zendesk's API objects this adapter reads (Tickets, Ticket Metrics, Ticket
// Audits, Users, Groups, Ticket Fields), as zod schemas. Unknown keys are ignored; Zendesk ids
// are integers, but strings are accepted too (our generated samples keep readable ids).
import { z } from 'zod';
import { vendorId } from '../shared/vendorValues';

/** Integers, floats without a fraction (Airbyte's `7253394974479.0`) and strings. */
export const zendeskId = vendorId;
const text = z.string().nullish();

export const zendeskUserSchema = z.object({
	id: zendeskId,
	email: text,
	role: text,
	name: text,
	user_fields: z.record(z.string(), z.unknown()).nullish()
});

export const zendeskGroupSchema = z.object({ id: zendeskId, name: z.string() });

export const zendeskTicketFieldSchema = z.object({ id: zendeskId, title: z.string() });

export const zendeskMetricSetSchema = z.object({
	ticket_id: zendeskId,
	reopens: z.number().nullish(),
	replies: z.number().nullish(),
	group_stations: z.number().nullish(),
	solved_at: text,
	assigned_at: text,
	initially_assigned_at: text,
	/** Minutes from creation to the first public agent reply (calendar and business hours). */
	reply_time_in_minutes: z.object({ calendar: z.union([z.number(), z.string()]).nullish() }).nullish()
});

/** A satisfaction rating (`GET /api/v2/satisfaction_ratings`); `offered`/`unoffered` are no answer. */
export const zendeskRatingSchema = z.object({
	id: zendeskId.nullish(),
	ticket_id: zendeskId,
	score: z.string(),
	comment: text,
	created_at: text,
	updated_at: text
});

/** A Help Center article (`/api/v2/help_center/articles`) or one of its translations. */
export const zendeskArticleSchema = z.object({
	id: zendeskId,
	source_id: zendeskId.nullish(),
	title: z.string(),
	body: text,
	locale: text,
	source_locale: text,
	html_url: text,
	updated_at: text,
	draft: z.boolean().nullish()
});

/** One event inside an audit; which fields matter depends on `type`. */
export const zendeskAuditEventSchema = z.looseObject({
	id: zendeskId.nullish(),
	type: z.string({ error: 'event without a type' }),
	author_id: zendeskId.nullish(),
	body: text,
	plain_body: text,
	html_body: text,
	public: z.boolean().nullish(),
	field_name: text,
	value: z.unknown().optional(),
	score: text,
	comment: text
});

export const zendeskAuditSchema = z.object({
	id: zendeskId,
	ticket_id: zendeskId,
	created_at: z.string(),
	author_id: zendeskId.nullish(),
	events: z.array(zendeskAuditEventSchema)
});

/** A comment as the Ticket Comments API (and some full exports) give it, embedded in a ticket. */
export const zendeskCommentSchema = z.object({
	id: zendeskId,
	author_id: zendeskId.nullish(),
	body: text,
	plain_body: text,
	html_body: text,
	public: z.boolean().nullish(),
	created_at: z.string()
});

export const zendeskTicketSchema = z.object({
	id: zendeskId,
	created_at: z.string({ error: 'missing created_at' }),
	updated_at: text,
	subject: text,
	raw_subject: text,
	description: text,
	status: text,
	priority: text,
	tags: z.array(z.string()).nullish(),
	requester_id: zendeskId.nullish(),
	assignee_id: zendeskId.nullish(),
	group_id: zendeskId.nullish(),
	via: z.object({ channel: z.union([z.string(), z.number()]).nullish() }).nullish(),
	satisfaction_rating: z.object({ score: text, comment: text }).nullish(),
	custom_fields: z.array(z.object({ id: zendeskId, value: z.unknown().optional() })).nullish(),
	/** Not in the API's ticket object: accepted when an export tool embeds them per ticket. */
	audits: z.array(z.unknown()).nullish(),
	comments: z.array(z.unknown()).nullish(),
	metric_set: z.unknown().optional()
});

export type ZendeskUser = z.output<typeof zendeskUserSchema>;
export type ZendeskTicket = z.output<typeof zendeskTicketSchema>;
export type ZendeskAudit = z.output<typeof zendeskAuditSchema>;
export type ZendeskAuditEvent = z.output<typeof zendeskAuditEventSchema>;
export type ZendeskMetricSet = z.output<typeof zendeskMetricSetSchema>;
export type ZendeskRating = z.output<typeof zendeskRatingSchema>;
