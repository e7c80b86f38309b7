// Intercom Help Center articles (`GET /articles`, API 2.x) as KB articles: the default-locale
// article, and one article per entry of `translated_content`, all sharing the article id as
// their translation_group.
import type { AdapterRecord, RecordLocation } from '../../types';
import { idText, vendorTime } from '../shared/vendorValues';
import { isObject } from '../zendesk/readJsonRecords';
import { htmlToText } from './htmlToText';

export function* intercomArticleRecords(value: unknown, location: RecordLocation): Generator<AdapterRecord> {
	const a = isObject(value) ? value : {};
	const id = idText(a.id);
	if (!id) {
		yield {
			kind: 'invalid',
			location,
			reason: 'Intercom article without an id; fix or drop it and import again',
			raw: JSON.stringify(value)?.slice(0, 2000)
		};
		return;
	}
	const versions: { locale?: string; content: Record<string, unknown> }[] = [
		{ locale: typeof a.default_locale === 'string' ? a.default_locale : undefined, content: a }
	];
	const translated = isObject(a.translated_content) ? a.translated_content : {};
	for (const [locale, content] of Object.entries(translated)) {
		if (isObject(content) && locale !== a.default_locale && content.type === 'article_content') versions.push({ locale, content });
	}
	for (const [i, { locale, content }] of versions.entries()) {
		if (content.state !== undefined && content.state !== 'published') continue; // drafts: customers never saw them
		const title = typeof content.title === 'string' ? content.title : '';
		if (title.trim() === '') continue; // an empty translation slot
		const updated = vendorTime(content.updated_at ?? a.updated_at);
		yield {
			kind: 'kb_article',
			location: { ...location, record: `article ${id}${locale ? ` ${locale}` : ''}` },
			value: {
				id: i === 0 ? id : `${id}-${locale}`,
				title,
				body: typeof content.body === 'string' ? htmlToText(content.body) : '',
				...(typeof content.url === 'string' && content.url ? { url: content.url } : {}),
				...(locale ? { locale } : {}),
				...(updated ? { updated_at: updated } : {}),
				translation_group: id
			}
		};
	}
}
