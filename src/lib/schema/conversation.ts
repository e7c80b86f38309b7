// The canonical conversation: the single definition of the shape every import adapter
// produces (docs/data-model.md, "A conversation"). Types are inferred from these schemas.
import { z } from 'zod';
import { timestampSchema } from './timestamp';

export const CHANNELS = ['chat', 'email', 'social', 'voice', 'in_app', 'web_form', 'sms', 'api', 'other'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const STATUSES = ['new', 'open', 'pending', 'solved', 'closed'] as const;
export const ANSWER_TYPES = ['answered', 'clarifying', 'fallback'] as const;
export const DRAFT_REVIEWS = ['sent_as_is', 'edited', 'rejected', 'escalated'] as const;
export const EVENT_TYPES = ['message', 'handoff', 'assignment', 'draft', 'note', 'status'] as const;

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const optionalText = z.string().optional();

const eventBase = {
	id: nonEmpty,
	at: timestampSchema
};

export const messageEventSchema = z.object({
	...eventBase,
	type: z.literal('message'),
	author: z.enum(['customer', 'ai', 'agent']),
	body: z.string(),
	agent_id: optionalText,
	answer_type: z.enum(ANSWER_TYPES).optional(),
	confidence: z.number().min(0).max(1).optional(),
	kb_article_ids: z.array(nonEmpty).optional()
});

export const handoffEventSchema = z.object({
	...eventBase,
	type: z.literal('handoff'),
	author: z.enum(['ai', 'agent']).default('ai'),
	to_queue: nonEmpty,
	reason: optionalText,
	note: optionalText,
	customer_message: optionalText
});

export const assignmentEventSchema = z
	.object({
		...eventBase,
		type: z.literal('assignment'),
		queue: nonEmpty.optional(),
		agent_id: optionalText
	})
	.refine((e) => e.queue !== undefined || e.agent_id !== undefined, {
		message: 'an assignment needs a queue or an agent_id'
	});

export const draftEventSchema = z.object({
	...eventBase,
	type: z.literal('draft'),
	author: z.literal('ai').default('ai'),
	agent_id: optionalText,
	body: z.string(),
	final_body: optionalText,
	review: z.enum(DRAFT_REVIEWS).optional(),
	kb_article_ids: z.array(nonEmpty).optional()
});

export const noteEventSchema = z.object({
	...eventBase,
	type: z.literal('note'),
	author: z.enum(['agent', 'ai']).default('agent'),
	agent_id: optionalText,
	body: z.string()
});

export const statusEventSchema = z.object({
	...eventBase,
	type: z.literal('status'),
	status: z.enum(STATUSES)
});

export const eventSchema = z.discriminatedUnion('type', [
	messageEventSchema,
	handoffEventSchema,
	assignmentEventSchema,
	draftEventSchema,
	noteEventSchema,
	statusEventSchema
]);

export const customerSchema = z.object({
	id: optionalText,
	tier: optionalText,
	plan: optionalText
});

export const csatSchema = z.union([
	z
		.object({
			score: z.number(),
			scale: z.number().positive().default(5),
			comment: optionalText
		})
		.refine((c) => c.score >= 0 && c.score <= c.scale, { message: 'csat score must be within 0..scale' }),
	z.object({
		rating: z.enum(['good', 'bad']),
		comment: optionalText
	})
]);

/** BCP-47-ish: "en", "pt-BR", "zh-Hant-TW". */
const languageTag = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'not a BCP-47 language tag');

export const conversationSchema = z
	.object({
		id: nonEmpty,
		source: nonEmpty.default('canonical'),
		channel: z.enum(CHANNELS).default('other'),
		created_at: timestampSchema,
		updated_at: timestampSchema.optional(),
		subject: optionalText,
		language: languageTag.optional(),
		intent: optionalText,
		priority: z.enum(PRIORITIES).optional(),
		tags: z.array(z.string()).optional(),
		customer: customerSchema.optional(),
		csat: csatSchema.optional(),
		/**
		 * `partial`: the source held the conversation's outcome (times, status, CSAT) but not its
		 * event history, so KPIs that read the history leave it out. Absent means full.
		 */
		history: z.enum(['full', 'partial']).optional(),
		events: z.array(eventSchema).default([])
	})
	.transform((c) => {
		// Events are "in time order" by contract; exports are not always, so sort stably.
		const events = c.events
			.map((e, i) => ({ e, i }))
			.sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i))
			.map(({ e }) => e);
		return { ...c, events };
	})
	.superRefine((c, ctx) => {
		const seen = new Set<string>();
		for (const e of c.events) {
			if (seen.has(e.id)) {
				ctx.addIssue({ code: 'custom', path: ['events'], message: `duplicate event id "${e.id}"` });
				return;
			}
			seen.add(e.id);
		}
	});

export type Conversation = z.output<typeof conversationSchema>;
export type ConversationInput = z.input<typeof conversationSchema>;
export type ConversationEvent = z.output<typeof eventSchema>;
export type EventType = ConversationEvent['type'];
export type Channel = (typeof CHANNELS)[number];
export type Status = (typeof STATUSES)[number];
export type DraftReview = (typeof DRAFT_REVIEWS)[number];
