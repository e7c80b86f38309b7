// The canonical knowledge-base article, one per line of a KB file (docs/data-model.md,
// "Knowledge-base articles").
import { z } from 'zod';
import { timestampSchema } from './timestamp';

export const kbArticleSchema = z.object({
	id: z.string().trim().min(1, 'must not be empty'),
	title: z.string().trim().min(1, 'must not be empty'),
	body: z.string(),
	url: z.string().optional(),
	locale: z.string().optional(),
	updated_at: timestampSchema.optional(),
	/** Articles that translate one another share it (Zendesk Help Center: the source article id across locales). */
	translation_group: z.string().optional()
});

export type KbArticle = z.output<typeof kbArticleSchema>;
