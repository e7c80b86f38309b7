// The parts of Intercom's REST API objects this adapter reads (Conversation, Conversation
// Part, AI Agent, Conversation Statistics, Conversation Rating, Team, Admin), as zod schemas.
// Unknown keys are ignored; ids are strings in the API, numbers are accepted too.
import { z } from 'zod';

export const intercomId = z.union([z.string().trim().min(1), z.number()], { error: 'missing or empty id' }).transform((v) => String(v));
/** Intercom timestamps are Unix seconds; ISO strings (some exports) are accepted too. */
export const intercomTime = z.union([z.number(), z.string()]);
const text = z.string().nullish();

export const intercomAuthorSchema = z.object({
	type: text,
	id: intercomId.nullish(),
	name: text,
	email: text
});

export const intercomPartSchema = z.object({
	id: intercomId,
	part_type: z.string({ error: 'a part without a part_type' }),
	created_at: intercomTime,
	body: text,
	author: intercomAuthorSchema.nullish(),
	assigned_to: z.object({ type: text, id: intercomId.nullish() }).nullish(),
	from_ai_agent: z.boolean().nullish(),
	is_ai_answer: z.boolean().nullish(),
	// Not in Intercom's public model: accepted when an export enriches Fin's parts with them.
	answer_type: text,
	confidence: z.number().nullish()
});

const contentSourceSchema = z.object({ content_type: text, url: text, title: text, locale: text });

export const intercomAiAgentSchema = z.object({
	source_type: text,
	source_title: text,
	last_answer_type: text,
	resolution_state: text,
	rating: z.number().nullish(),
	rating_remark: text,
	content_sources: z.object({ content_sources: z.array(contentSourceSchema).nullish() }).nullish()
});

export const intercomStatisticsSchema = z.object({
	first_contact_reply_at: intercomTime.nullish(),
	first_assignment_at: intercomTime.nullish(),
	first_admin_reply_at: intercomTime.nullish(),
	first_close_at: intercomTime.nullish(),
	last_assignment_at: intercomTime.nullish(),
	last_close_at: intercomTime.nullish(),
	count_reopens: z.number().nullish(),
	count_assignments: z.number().nullish(),
	count_conversation_parts: z.number().nullish()
});

const tagSchema = z.union([z.string(), z.object({ name: z.string() })]);

export const intercomConversationSchema = z.object({
	type: text,
	id: intercomId,
	title: text,
	created_at: intercomTime,
	updated_at: intercomTime.nullish(),
	state: text,
	open: z.boolean().nullish(),
	priority: text,
	admin_assignee_id: intercomId.nullish(),
	team_assignee_id: intercomId.nullish(),
	tags: z.union([z.object({ tags: z.array(tagSchema).nullish() }), z.array(tagSchema)]).nullish(),
	conversation_rating: z.object({ rating: z.number().nullish(), remark: text, created_at: intercomTime.nullish() }).nullish(),
	source: z
		.object({
			type: text,
			id: intercomId.nullish(),
			delivered_as: text,
			subject: text,
			body: text,
			author: intercomAuthorSchema.nullish()
		})
		.nullish(),
	contacts: z
		.union([
			z.object({ contacts: z.array(z.object({ id: intercomId.nullish(), external_id: text })).nullish() }),
			z.array(z.object({ id: intercomId.nullish(), external_id: text }))
		])
		.nullish(),
	custom_attributes: z.record(z.string(), z.unknown()).nullish(),
	statistics: intercomStatisticsSchema.nullish(),
	conversation_parts: z.union([z.object({ conversation_parts: z.array(z.unknown()).nullish() }), z.array(z.unknown())]).nullish(),
	ai_agent_participated: z.boolean().nullish(),
	ai_agent: intercomAiAgentSchema.nullish()
});

export const intercomTeamSchema = z.object({ id: intercomId, name: z.string() });
export const intercomAdminSchema = z.object({ id: intercomId, email: text, name: text });

export type IntercomAuthor = z.infer<typeof intercomAuthorSchema>;
export type IntercomPart = z.infer<typeof intercomPartSchema>;
export type IntercomConversation = z.infer<typeof intercomConversationSchema>;
