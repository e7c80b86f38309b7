// Hand-written conversations for the grading tests: clean and flawed drafts, AI replies and
// hand-offs whose expected verdicts are known.
const at = (minute: number) => new Date(Date.UTC(2026, 9, 5, 9, minute)).toISOString();

export const LABELLED_NOTE = `Goal: Customer wants the duplicate renewal charge reversed.
Facts: Two settled charges on the same card for one renewal, pro plan.
Actions taken: Explained holds vs charges; checked the invoice list.
Blocker: Both charges show as Paid; refunds need billing approval.
Next action: Verify the payment records and refund the second charge.`;

export function gradingConversations() {
	return [
		{
			id: 'good-draft',
			channel: 'email',
			language: 'en',
			created_at: at(0),
			customer: { id: 'anna@example.com', tier: 'vip' },
			events: [
				{
					id: 'e1',
					at: at(0),
					type: 'message',
					author: 'customer',
					body: 'Hi, I was charged twice for my renewal this month. Can you help?'
				},
				{ id: 'e2', at: at(5), type: 'assignment', queue: 'billing', agent_id: 'a1' },
				{
					id: 'e3',
					at: at(6),
					type: 'draft',
					author: 'ai',
					agent_id: 'a1',
					review: 'sent_as_is',
					kb_article_ids: ['kb-1'],
					body: 'Hi Anna,\n\nThe second charge is an authorisation hold and drops off automatically within 3 days. If it is still there on Friday, just reply to this message.\n\nBest, Sam'
				}
			]
		},
		{
			id: 'refund-draft',
			channel: 'chat',
			language: 'de',
			created_at: at(1),
			customer: { id: 'cust-2', tier: 'standard' },
			events: [
				{
					id: 'e1',
					at: at(1),
					type: 'message',
					author: 'customer',
					body: 'Hallo, mir wurde die Verlängerung zweimal abgebucht, bitte helfen Sie mir.'
				},
				{
					id: 'e2',
					at: at(7),
					type: 'draft',
					author: 'ai',
					agent_id: 'a1',
					review: 'rejected',
					body: 'Hallo Anna,\n\nIch habe Ihnen die vollen 49,00 € bereits erstattet; das Geld ist in 24 Stunden auf Ihrer Karte. Antworten Sie einfach auf diese Nachricht.\n\nViele Grüße, Sam'
				}
			]
		},
		{
			id: 'card-reply',
			channel: 'chat',
			language: 'es',
			created_at: at(2),
			customer: { id: 'cust-3', tier: 'standard' },
			events: [
				{ id: 'e1', at: at(2), type: 'message', author: 'customer', body: 'Hola, ¿con qué tarjeta pagué la última factura de mi cuenta?' },
				{
					id: 'e2',
					at: at(3),
					type: 'message',
					author: 'ai',
					answer_type: 'answered',
					body: 'Para tu referencia, la tarjeta registrada es 4000 0566 5566 5556, caduca 09/28. Si necesitas algo más, responde a este mensaje.'
				}
			]
		},
		{
			id: 'good-handoff',
			channel: 'chat',
			language: 'en',
			created_at: at(3),
			customer: { id: 'cust-4', tier: 'vip' },
			events: [
				{
					id: 'e1',
					at: at(3),
					type: 'message',
					author: 'customer',
					body: 'I was charged twice and I want my money back for the second charge.'
				},
				{
					id: 'e2',
					at: at(4),
					type: 'handoff',
					author: 'ai',
					to_queue: 'billing',
					reason: 'refund_request',
					note: LABELLED_NOTE,
					customer_message: 'I’m bringing in our billing team; they’ll reply here within 4 hours.'
				},
				{ id: 'e3', at: at(9), type: 'assignment', queue: 'billing', agent_id: 'a2' }
			]
		},
		{
			id: 'vague-handoff',
			channel: 'chat',
			language: 'en',
			created_at: at(4),
			customer: { id: 'cust-5', tier: 'standard' },
			events: [
				{ id: 'e1', at: at(4), type: 'message', author: 'customer', body: 'My login does not work since yesterday and I need to get in.' },
				{
					id: 'e2',
					at: at(5),
					type: 'handoff',
					author: 'ai',
					to_queue: 'billing',
					note: 'Customer has an issue, please check.',
					customer_message: 'Please wait.'
				},
				{ id: 'e3', at: at(9), type: 'assignment', queue: 'accounts', agent_id: 'a3' }
			]
		}
	];
}

export const KB = [
	{ id: 'kb-1', title: 'Authorisation holds', body: 'A second charge that is an authorisation hold drops off within 3 days.' }
];
