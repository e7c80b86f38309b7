import { describe, expect, it } from 'vitest';
import { conversationSchema } from '../../../../schema';
import { buildIntercomConversation } from './buildIntercomConversation';
import { intercomArticleRecords } from './intercomArticles';
import { intercomConversationSchema } from './intercomSchemas';
import { isIntercomTicket, ticketAsConversation } from './intercomTicket';

const ticket = {
	type: 'ticket',
	id: '70',
	ticket_id: '1',
	ticket_state: 'resolved',
	created_at: 1791194400,
	updated_at: 1791196200,
	ticket_attributes: { _default_title_: 'Printer jams', _default_description_: '<p>It jams on page 2.</p>' },
	ticket_type: { type: 'ticket_type', id: '1', name: 'Hardware' },
	contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: 'c9' }] },
	admin_assignee_id: '0',
	team_assignee_id: '0',
	ai_agent_participated: true,
	ticket_parts: {
		type: 'ticket_part.list',
		ticket_parts: [
			{
				type: 'ticket_part',
				id: 'p0',
				part_type: 'ticket_state_updated_by_admin',
				ticket_state: 'submitted',
				previous_ticket_state: 'submitted',
				created_at: 1791194410,
				author: { type: 'bot', id: 'fin' }
			},
			{
				type: 'ticket_part',
				id: 'p1',
				part_type: 'comment',
				body: '<p>Try the rear tray.</p>',
				created_at: 1791194460,
				author: { type: 'bot', id: 'fin', name: 'Fin' }
			},
			{
				type: 'ticket_part',
				id: 'p2',
				part_type: 'ticket_attribute_updated_by_admin',
				created_at: 1791194500,
				author: { type: 'admin', id: '5' }
			},
			{
				type: 'ticket_part',
				id: 'p3',
				part_type: 'ticket_state_updated_by_admin',
				ticket_state: 'waiting_on_customer',
				previous_ticket_state: 'in_progress',
				created_at: 1791195000,
				author: { type: 'admin', id: '5' }
			},
			{
				type: 'ticket_part',
				id: 'p4',
				part_type: 'ticket_state_updated_by_user',
				ticket_state: 'resolved',
				previous_ticket_state: 'waiting_on_customer',
				created_at: 1791196200,
				author: { type: 'user', id: 'c9' }
			}
		]
	}
};

describe('Intercom tickets', () => {
	it('are recognised and read as conversations: title, description, type, Fin, states from parts, unix times', () => {
		expect(isIntercomTicket(ticket)).toBe(true);
		const parsed = intercomConversationSchema.parse(ticketAsConversation(ticket));
		const c = conversationSchema.parse(buildIntercomConversation(parsed, { teams: new Map(), admins: new Map(), aiAuthors: new Set() }));
		expect(c).toMatchObject({
			id: '70',
			subject: 'Printer jams',
			intent: 'Hardware',
			customer: { id: 'c9' },
			created_at: '2026-10-05T10:00:00.000Z'
		});
		expect(c.events.map((e) => [e.type, e.type === 'message' ? e.author : e.type === 'status' ? e.status : ''])).toEqual([
			['message', 'customer'],
			['message', 'ai'],
			['status', 'pending'],
			['status', 'solved']
		]);
		expect(c.events[0]).toMatchObject({ body: 'It jams on page 2.' });
	});
});

describe('Intercom articles', () => {
	it('yield the default locale and each published translation, sharing the article id as translation_group', () => {
		const records = [
			...intercomArticleRecords(
				{
					type: 'article',
					id: '45',
					title: 'Refunds',
					body: '<p>Five days.</p>',
					state: 'published',
					default_locale: 'en',
					updated_at: 1791190800,
					url: 'https://help.example/en/articles/45',
					translated_content: {
						type: 'article_translated_content',
						fr: { type: 'article_content', title: 'Remboursements', body: '<p>Cinq jours.</p>', state: 'published' },
						de: { type: 'article_content', title: 'Entwurf', state: 'draft' },
						es: null
					}
				},
				{ file: 'x' }
			)
		];
		expect(records.map((r) => r.kind === 'kb_article' && r.value)).toEqual([
			{
				id: '45',
				title: 'Refunds',
				body: 'Five days.',
				url: 'https://help.example/en/articles/45',
				locale: 'en',
				updated_at: '2026-10-05T09:00:00.000Z',
				translation_group: '45'
			},
			{
				id: '45-fr',
				title: 'Remboursements',
				body: 'Cinq jours.',
				locale: 'fr',
				updated_at: '2026-10-05T09:00:00.000Z',
				translation_group: '45'
			}
		]);
	});
});
