// Splits a KB article into chunks of about `chunkChars` characters at paragraph or sentence
// ends, each prefixed with the title, so a long article is compared section by section.
import { questionText } from './questionText';

export interface ArticleChunk {
	article_id: string;
	title: string;
	text: string;
	locale?: string | null;
}

export function chunkArticle(
	article: { id: string; title: string; body: string; locale?: string | null },
	chunkChars: number
): ArticleChunk[] {
	const body = questionText(article.body.replace(/\n{2,}/g, '\n\n')).trim();
	const sentences = body.match(/[^.!?。]+[.!?。]*\s*/g) ?? [body];
	const chunks: string[] = [];
	let current = '';
	for (const s of sentences) {
		if (current && current.length + s.length > chunkChars) {
			chunks.push(current.trim());
			current = '';
		}
		current += s;
	}
	if (current.trim() || chunks.length === 0) chunks.push(current.trim());
	// The title alone is a chunk too: a one-line question resembles a title more than a body.
	const locale = article.locale ?? null;
	return [
		{ article_id: article.id, title: article.title, text: article.title, locale },
		...chunks.map((c) => ({
			article_id: article.id,
			title: article.title,
			locale,
			text: `${article.title}. ${c}`.slice(0, chunkChars + article.title.length + 200)
		}))
	];
}
