// Intercom message bodies are HTML (`<p>Hi</p>`); the warehouse stores their text so that the
// gap miner and graders see words, not markup. Rendering escapes it anyway.
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function htmlToText(html: string): string {
	if (!/[<&]/.test(html)) return html.trim();
	return html
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/(p|div|li|h[1-6]|blockquote|pre|tr)>/gi, '\n')
		.replace(/<[^>]*>/g, '')
		.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+|#39);/gi, (whole, name: string) => {
			const lower = name.toLowerCase();
			if (lower in ENTITIES) return ENTITIES[lower];
			const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : lower.startsWith('#') ? Number(lower.slice(1)) : NaN;
			return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		})
		.replace(/[ \t]+\n/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
