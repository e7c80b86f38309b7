// The one redaction step for text bound for an LLM: the customer's own address becomes
// [CUSTOMER_EMAIL] (so the model can tell it apart), every other piece of personal data and
// every secret known from the rest of the conversation becomes a placeholder such as [CARD].
import type { GradingItem } from '../GradingItem';
import { EMAIL, redactPersonalData } from '../personalData';

export function redactForLlm(text: string, item: Pick<GradingItem, 'customerEmails' | 'secrets'>): string {
	const own = new Set(item.customerEmails.map((e) => e.toLowerCase()));
	const marked = text.replace(EMAIL, (m) => (own.has(m.toLowerCase()) ? '[CUSTOMER_EMAIL]' : m));
	return redactPersonalData(marked, { knownSecrets: item.secrets }).text;
}
