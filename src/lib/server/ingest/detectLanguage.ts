// Fills in a conversation's language when the source didn't give one: detected from what the
// customer wrote (eld, n-gram based, offline). Unreliable guesses are left empty.
import { eld } from 'eld/small';
import type { Conversation } from '../../schema';

const MAX_CHARS = 1000;

export function detectLanguage(conversation: Conversation): string | undefined {
	let text = '';
	for (const event of conversation.events) {
		if (event.type === 'message' && event.author === 'customer') {
			text += `${event.body}\n`;
			if (text.length >= MAX_CHARS) break;
		}
	}
	if (text.trim().length < 8 && conversation.subject) text += conversation.subject;
	if (text.trim().length < 8) return undefined;
	const result = eld.detect(text.slice(0, MAX_CHARS));
	return result.isReliable() && result.language ? result.language : undefined;
}
