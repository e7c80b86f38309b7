// Turns one adapter record into the JSON lines it contributes to the staging files:
// validated and flattened rows, or a quarantine row with the reason. Pure and synchronous,
// so it runs the same in the importing thread or in a staging worker.
import { createHash } from 'node:crypto';
import { conversationSchema, csatSchema, formatIssues, kbArticleSchema } from '../../schema';
import { parseCanonicalLine } from './adapters/canonical/parseCanonicalLine';
import { flattenConversation, flattenKbArticle, toSqlTimestamp } from './flattenConversation';
import type { AdapterRecord, RecordLocation } from './types';

/** What a quarantine row keeps of the offending text: its first 2 KB (whole characters), plus its full length. */
export const RAW_KEPT_BYTES = 2048;
/**
 * DuckDB's read_json refuses a JSON object over its maximum_object_size (16 MB by default),
 * which would fail the whole merge: a record with a staged row that large is quarantined.
 */
export const MAX_STAGED_ROW_BYTES = 16 * 1024 * 1024 - 1024;

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

/** The first RAW_KEPT_BYTES of `raw` in UTF-8, never ending inside a character (nor on half a surrogate pair). */
export function rawPreview(raw: string): string {
	const head = Buffer.from(raw.slice(0, RAW_KEPT_BYTES), 'utf8');
	if (head.byteLength <= RAW_KEPT_BYTES) return head.toString('utf8');
	let end = RAW_KEPT_BYTES;
	while (end > 0 && (head[end] & 0xc0) === 0x80) end--; // back to the start of the cut character
	return head.subarray(0, end).toString('utf8');
}

function quarantineLine(location: RecordLocation, reason: string, raw: string): string {
	return JSON.stringify({
		file: location.file,
		line: location.line ?? null,
		record: location.record ?? null,
		reason,
		raw: rawPreview(raw),
		raw_bytes: Buffer.byteLength(raw, 'utf8'),
		raw_hash: createHash('sha1').update(raw).digest('hex')
	});
}

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The byte size of the largest of `rows` when it is over MAX_STAGED_ROW_BYTES, else null. */
function oversizedRow(rows: string[]): number | null {
	let largest: number | null = null;
	for (const row of rows) {
		if (row.length * 3 <= MAX_STAGED_ROW_BYTES) continue; // cannot be over, whatever its characters
		const bytes = Buffer.byteLength(row, 'utf8');
		if (bytes > MAX_STAGED_ROW_BYTES && bytes > (largest ?? 0)) largest = bytes;
	}
	return largest;
}

/**
 * JSON.stringify writes a lone UTF-16 surrogate as a \uD8xx-\uDFxx escape (paired ones as the
 * character itself), which DuckDB's reader refuses for the whole staging file: such a record is
 * quarantined instead of sinking the import. An escaped backslash before "u" is not an escape.
 */
const LONE_SURROGATE = /(?:^|[^\\])(?:\\\\)*\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

function loneSurrogate(rows: string[]): string | null {
	for (const row of rows) {
		if (!row.includes('\\u')) continue;
		const m = LONE_SURROGATE.exec(row);
		if (m) return `text holds a lone UTF-16 surrogate (${m[0].slice(m[0].lastIndexOf('\\'))}), which is not valid Unicode`;
	}
	return null;
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
		const oversized = oversizedRow([row, ...events]);
		if (oversized !== null) return { quarantine: quarantineLine(record.location, tooLarge(oversized), rawText(record)) };
		const surrogate = loneSurrogate([row, ...events]);
		if (surrogate !== null) return { quarantine: quarantineLine(record.location, surrogate, rawText(record)) };
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
	const article = JSON.stringify(flattenKbArticle(parsed.data, ord));
	const oversized = oversizedRow([article]);
	if (oversized !== null) return { quarantine: quarantineLine(record.location, tooLarge(oversized), rawText(record)) };
	const surrogate = loneSurrogate([article]);
	if (surrogate !== null) return { quarantine: quarantineLine(record.location, surrogate, rawText(record)) };
	return { kb_article: article };
}

function tooLarge(bytes: number): string {
	return `too large: a single message or the record itself is ${MB(bytes)} once stored, over the ${MB(MAX_STAGED_ROW_BYTES + 1024)} per-record limit`;
}
