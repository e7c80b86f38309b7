// A Help Center article or translation as a KB article record. Translations share their source
// article's id as translation_group; drafts are skipped (customers never saw them), and the
// translations list's copy of an article in its own source locale is skipped (already loaded).
import { formatIssues } from '../../../../schema';
import type { AdapterRecord, RecordLocation } from '../../types';
import { htmlToText } from '../intercom/htmlToText';
import { invalidRecord } from '../shared/invalidRecord';
import { rawRecordText } from '../shared/rawRecordText';
import { vendorTime } from '../shared/vendorValues';
import { zendeskArticleSchema } from './zendeskSchemas';

/** `sourceLocales`: article id → its source locale, filled as source articles are read. */
export function zendeskArticleRecord(
	value: unknown,
	location: RecordLocation,
	sourceLocales: Map<string, string>
): AdapterRecord | undefined {
	const p = zendeskArticleSchema.safeParse(value);
	if (!p.success) return invalidRecord(location, `Help Center article: ${formatIssues(p.error)}`, rawRecordText(value));
	const a = p.data;
	if (a.draft) return undefined;
	const group = a.source_id ?? a.id;
	if (!a.source_id && a.source_locale) sourceLocales.set(a.id, a.source_locale.toLowerCase());
	if (a.source_id && a.locale && sourceLocales.get(a.source_id) === a.locale.toLowerCase()) return undefined;
	const isSource = !a.source_id && (!a.source_locale || !a.locale || a.locale === a.source_locale);
	const updated = vendorTime(a.updated_at);
	return {
		kind: 'kb_article',
		location: { ...location, record: `article ${group}${a.locale ? ` ${a.locale}` : ''}` },
		value: {
			id: isSource ? group : `${group}-${a.locale ?? a.id}`,
			title: a.title,
			body: htmlToText(a.body ?? ''),
			...(a.html_url ? { url: a.html_url } : {}),
			...(a.locale ? { locale: a.locale } : {}),
			...(updated ? { updated_at: updated } : {}),
			translation_group: group
		}
	};
}
