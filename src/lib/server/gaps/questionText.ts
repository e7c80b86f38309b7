// The part of a customer message worth embedding: markup stripped, and greeting, sign-off and
// signature lines dropped (they say nothing about the question and a name would dominate).

const TAG = /<[^>]*>/g;
const ENTITY: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

export function questionText(body: string): string {
	const plain = body
		.replace(/<br\s*\/?>|<\/p>/gi, '\n')
		.replace(TAG, ' ')
		.replace(/&[a-z#0-9]+;/gi, (m) => ENTITY[m] ?? ' ');
	const lines = plain
		.split(/\n+/)
		.map((l) => l.replace(/\s+/g, ' ').trim())
		.filter(Boolean);
	// A line of at most three words without sentence punctuation is a greeting, sign-off or name.
	const content = lines.filter((l) => !(l.split(' ').length <= 3 && !/[?.!¿¡]/.test(l)));
	return (content.length ? content : lines).join(' ').slice(0, 2000);
}
