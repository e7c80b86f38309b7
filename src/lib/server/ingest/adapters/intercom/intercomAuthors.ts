// Who wrote an Intercom part: the AI (a bot, Fin, or an admin named as the AI by id or email),
// the customer (user, lead, contact) or an agent (an admin, whose id is kept).
import type { IntercomContext } from './buildIntercomConversation';
import type { IntercomAuthor } from './intercomSchemas';

type Author = IntercomAuthor | null | undefined;

export function intercomAuthors(ctx: IntercomContext) {
	return {
		isAi(author: Author): boolean {
			if (!author) return false;
			if (author.type === 'bot') return true;
			const id = author.id?.toLowerCase();
			const email = (author.email ?? (author.id ? ctx.admins.get(author.id) : undefined))?.toLowerCase();
			return (!!id && ctx.aiAuthors.has(id)) || (!!email && ctx.aiAuthors.has(email));
		},
		isCustomer: (author: Author) => author?.type === 'user' || author?.type === 'lead' || author?.type === 'contact',
		agentId: (author: Author) => (author?.type === 'admin' && author.id ? { agent_id: author.id } : {})
	};
}

export type IntercomAuthors = ReturnType<typeof intercomAuthors>;
