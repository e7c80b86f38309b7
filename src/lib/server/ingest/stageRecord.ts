// Turns one adapter record into the JSON lines it contributes to the staging files:
// validated and flattened rows, or a quarantine row with the reason. Pure and synchronous,
// so it runs the same in the importing thread or in a staging worker.
import { createHash } from 'node:crypto';
import { conversationSchema, csatSchema, formatIssues, kbArticleSchema } from '../../schema';
import { parseCanonicalLine } from './adapters/canonical/parseCanonicalLine';
import { flattenConversation, flattenKbArticle, toSqlTimestamp } from './flattenConversation';
import type { AdapterRecord, RecordLocation } from './types';

const RAW_LIMIT = 2000;

export interface StagedRecord {
	conversation?: string;
	events?: string[];
	kb_article?: string;
	rating?: string;
	quarantine?: string;
}

function rawText(record: AdapterRecord): string {
	if (record.kind === 'invalid') return record.raw ?? '';
	if (record.kind === 'canonical_line') return record.text;
	const value = record.kind === 'rating' ? record.csat : record.value;
	try {
		return JSON.stringify(value) ?? '';
	} catch {
		return String(value);
	}
}

function quarantineLine(location: RecordLocation, reason: string, raw: string): string {
	return JSON.stringify({
		file: location.file,
		line: location.line ?? null,
		record: location.record ?? null,
		reason,
		raw: raw.slice(0, RAW_LIMIT),
		raw_hash: createHash('sha1').update(raw).digest('hex')
	});
}

/** `ord` orders copies of the same key within one import: a later record wins ties. */
export function stageRecord(input: AdapterRecord, ord: number): StagedRecord {
	const record = input.kind === 'canonical_line' ? parseCanonicalLine(input.text, input.location) : input;
	if (record.kind === 'invalid' || record.kind === 'canonical_line') {
		const reason = record.kind === 'invalid' ? record.reason : 'unparsed line';
		return { quarantine: quarantineLine(record.location, reason, rawText(record)) };
	}
	if (record.kind === 'conversation') {
		const parsed = conversationSchema.safeParse(record.value);
		if (!parsed.success) return { quarantine: quarantineLine(record.location, formatIssues(parsed.error), rawText(record)) };
		const { row, events } = flattenConversation(parsed.data, ord);
		return { conversation: row, events };
	}
	if (record.kind === 'rating') {
		const csat = csatSchema.safeParse(record.csat);
		if (!csat.success) return { quarantine: quarantineLine(record.location, `rating: ${formatIssues(csat.error)}`, rawText(record)) };
		const c = csat.data;
		return {
			rating: JSON.stringify({
				source: record.source,
				conversation_id: record.conversation_id,
				ord,
				rated_at: toSqlTimestamp(record.rated_at),
				csat_score: 'score' in c ? c.score : null,
				csat_scale: 'score' in c ? c.scale : null,
				csat_rating: 'rating' in c ? c.rating : null,
				csat_comment: c.comment ?? null
			})
		};
	}
	const parsed = kbArticleSchema.safeParse(record.value);
	if (!parsed.success) return { quarantine: quarantineLine(record.location, formatIssues(parsed.error), rawText(record)) };
	return { kb_article: JSON.stringify(flattenKbArticle(parsed.data, ord)) };
}
