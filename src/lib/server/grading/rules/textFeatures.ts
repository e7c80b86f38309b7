// Small text measures the rules share: sentences, questions, greetings, language detection.
import { eld } from 'eld/small';

export function sentences(text: string): string[] {
	return text
		.split(/(?<=[.!?？])\s+|\n+/)
		.map((s) => s.trim())
		.filter(Boolean);
}

/** Sentences that ask something (ending in "?", or Spanish "¿…"). */
export function questionSentences(text: string): string[] {
	return text
		.split(/(?<=[.!?？])\s+|\n+|(?=¿)/)
		.map((s) => s.trim())
		.filter((s) => /[?？]$/.test(s) || s.startsWith('¿'));
}

const GREETING =
	/^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|thanks|thank you|hallo|guten (?:tag|morgen|abend)|liebe[rs]?|sehr geehrte[rs]?|danke|hola|buen[oa]s|estimad[oa]|gracias|bonjour|bonsoir|salut|cher|chère|merci)\b/i;

/** The first sentence that says something: greetings and one-word lines skipped. */
export function firstSubstantiveSentence(text: string): string | undefined {
	for (const line of text.split(/\n+/)) {
		const trimmed = line.trim();
		if (!trimmed) continue;
		if (GREETING.test(trimmed) && trimmed.length < 60 && /[,!]$|^\S+\s+\S+[,!]?$/.test(trimmed)) continue;
		for (const s of sentences(trimmed)) {
			if (GREETING.test(s) && s.length < 40) continue;
			return s;
		}
	}
	return undefined;
}

/** The base language subtag ("pt" of "pt-BR"), lower case. */
export function baseLanguage(tag: string | null | undefined): string | null {
	return tag ? tag.split('-')[0].toLowerCase() : null;
}

/** eld's guess when it is reliable and the text long enough to judge; null otherwise. */
export function detectTextLanguage(text: string): string | null {
	const cleaned = text.replace(/\S+@\S+|https?:\/\/\S+|[\d#$€%.,:;/()-]+/g, ' ').trim();
	if (cleaned.length < 20) return null;
	const result = eld.detect(cleaned.slice(0, 1000));
	return result.isReliable() && result.language ? result.language : null;
}
