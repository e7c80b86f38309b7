// Every secret found anywhere in one conversation (all events and fields), so a password given
// once with its keyword is also masked where it comes back without one.
import { findPersonalData, type KnownSecret } from './personalData';

export function conversationSecrets(texts: Iterable<string | null | undefined>, customerEmails: Iterable<string> = []): KnownSecret[] {
	const allowedEmails = [...customerEmails];
	const seen = new Map<string, KnownSecret>();
	for (const text of texts) {
		if (!text) continue;
		for (const f of findPersonalData(text, { allowedEmails })) {
			const key = `${f.kind}\u0000${f.text.toLowerCase()}`;
			if (!seen.has(key)) seen.set(key, { kind: f.kind, text: f.text });
		}
	}
	return [...seen.values()];
}
