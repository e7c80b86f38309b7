// The SQL side of the canonical fast path: how DuckDB parses one line of our JSON Lines format
// and decides whether it may load the line without zod. The test is deliberately stricter than
// the zod schema (a sound under-approximation): a line it accepts is one zod accepts and
// stores the same way; every other line goes to zod, which loads it or words why not.
// tests/integration/fastCanonicalEquivalence.test.ts checks both directions on generated
// valid and broken records. Enum values come from the schema's own constants.
import { ANSWER_TYPES, CHANNELS, DRAFT_REVIEWS, PRIORITIES, STATUSES } from '../../../schema';
import { EVENT_PAYLOAD_COLUMNS } from '../stagedColumns';

/** Longer lines go to zod (which also enforces the staged-row size limit). */
export const FAST_MAX_LINE_BYTES = 8 * 1024 * 1024;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** What from_json extracts; types are checked separately on the JSON structure. */
const LINE_STRUCTURE = JSON.stringify({
	id: 'VARCHAR',
	source: 'VARCHAR',
	channel: 'VARCHAR',
	created_at: 'VARCHAR',
	updated_at: 'VARCHAR',
	subject: 'VARCHAR',
	language: 'VARCHAR',
	intent: 'VARCHAR',
	priority: 'VARCHAR',
	tags: ['VARCHAR'],
	customer: { id: 'VARCHAR', tier: 'VARCHAR', plan: 'VARCHAR' },
	csat: { score: 'DOUBLE', scale: 'DOUBLE', rating: 'VARCHAR', comment: 'VARCHAR' },
	history: 'VARCHAR',
	events: [
		{
			id: 'VARCHAR',
			at: 'VARCHAR',
			type: 'VARCHAR',
			author: 'VARCHAR',
			// from_json takes a list as [type], not as 'type[]'
			...Object.fromEntries(
				Object.entries(EVENT_PAYLOAD_COLUMNS).map(([name, type]) => [name, type.endsWith('[]') ? [type.slice(0, -2)] : type])
			)
		}
	]
});

/** Keys whose value zod wants a string, a number, an object, or a list of strings, wherever they occur. */
const STRING_KEYS = [
	...['id', 'source', 'channel', 'created_at', 'updated_at', 'subject', 'language', 'intent', 'priority', 'history'],
	...['tier', 'plan', 'rating', 'comment'],
	...['at', 'type', 'author', 'body', 'agent_id', 'answer_type', 'to_queue', 'reason', 'note', 'customer_message'],
	...['queue', 'final_body', 'review', 'status']
];
const NUMBER_KEYS = ['confidence', 'score', 'scale'];
const OBJECT_KEYS = ['customer', 'csat'];
const STRING_LIST_KEYS = ['tags', 'kb_article_ids'];
const JSON_STRING = String.raw`"([^"\\]|\\.)*"`;

/**
 * from_json converts silently (5 to "5", "0.5" to 0.5), so the JSON types are checked on the
 * text: in valid JSON a quoted word followed by a colon is a key, so these find a known key
 * whose value has the wrong type, and a key spelt with escapes (which would hide it).
 */
const WRONG_TYPE = [
	String.raw`"(${STRING_KEYS.join('|')})"\s*:\s*[^"\s]`,
	String.raw`"(${NUMBER_KEYS.join('|')})"\s*:\s*[^-0-9\s]`,
	String.raw`"(${OBJECT_KEYS.join('|')})"\s*:\s*[^{\s]`,
	String.raw`"events"\s*:\s*([^\[\s]|\[\s*[^{\s\]])`,
	String.raw`"(${STRING_LIST_KEYS.join('|')})"\s*:\s*([^\[\s]|\[\s*(${JSON_STRING}\s*,\s*)*[^"\s\]])`,
	String.raw`\\[^"]*"\s*:`
];

/**
 * Text the fast path leaves to zod: a null anywhere (zod's optional fields refuse null), a raw
 * control character (JSON.parse refuses them inside strings, DuckDB does not), what DuckDB's
 * parser tolerates and JSON.parse does not (trailing commas, NaN, Infinity), and escapes whose
 * decoding may differ (NUL, lone surrogates). Such text inside a message only costs speed.
 */
const SUSPECT = [String.raw`[\x00-\x1f]`, String.raw`,\s*[\]}]`, 'NaN', 'Infinity', 'null', String.raw`\\u(0000|[dD][89a-fA-F])`];
const LEFT_TO_ZOD = [...WRONG_TYPE, ...SUSPECT].join('|');

/** A zod `nonEmpty` string (trimmed, at least one character) that trimming leaves unchanged: printable ASCII at both ends. */
const untrimmed = (x: string) => `regexp_full_match(${x}, '[!-~](.*[!-~])?')`;
/** The schema's UTC form, with or without milliseconds, on a real calendar day. */
const DIGITS = '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]';
const utcTimestamp = (x: string) =>
	`((${x} GLOB '${DIGITS}Z' OR ${x} GLOB '${DIGITS}.[0-9][0-9][0-9]Z') AND substr(${x}, 12, 2) <= '23' AND try_cast(${x} AS TIMESTAMP) IS NOT NULL)`;
/** DuckDB reads the form utcTimestamp accepts as the UTC instant (TRY_: DuckDB may evaluate it before the check drops a row). */
export const sqlTimestamp = (x: string) => `TRY_CAST(${x} AS TIMESTAMP)`;
/**
 * The events are in time order: each not earlier than the one before. The texts are compared:
 * with every timestamp of a conversation in one of utcTimestamp's two forms (one length for
 * all), they sort as the instants do. Already in order, zod's stable sort leaves the events
 * where they are. Whole-list functions, not a lambda reading its neighbour: with a lambda that
 * read the outer list (c.events[i - 1]) the same CPU time did not spread over two threads
 * (a 386 MB slice took 9.7-11.7 s instead of 6.7-6.9 s on 2 busy cores).
 */
const IN_TIME_ORDER = `len(list_distinct(list_transform(c.events, e -> strlen(e.at)))) <= 1
		AND list_sort(list_transform(c.events, e -> e.at)) = list_transform(c.events, e -> e.at)`;
const finite = (x: string) => `isfinite(${x})`;
/** Every element passes (an element whose check is NULL does not); an empty list passes. */
const everyOne = (x: string, v: string, check: string) =>
	`(len(${x}) = 0 OR list_bool_and(list_transform(${x}, ${v} -> coalesce(${check}, false))))`;
const allIds = (x: string) => `(${x} IS NULL OR ${everyOne(x, 'k', untrimmed('k'))})`;

const EVENT_CHECK = `
	${untrimmed('e.id')} AND ${utcTimestamp('e.at')} AND CASE e.type
		WHEN 'message' THEN e.author IN ('customer', 'ai', 'agent') AND e.body IS NOT NULL
			AND (e.answer_type IS NULL OR e.answer_type IN (${list(ANSWER_TYPES)}))
			AND (e.confidence IS NULL OR (${finite('e.confidence')} AND e.confidence BETWEEN 0 AND 1))
			AND ${allIds('e.kb_article_ids')}
		WHEN 'handoff' THEN (e.author IS NULL OR e.author IN ('ai', 'agent')) AND ${untrimmed('e.to_queue')}
		WHEN 'assignment' THEN (e.queue IS NULL OR ${untrimmed('e.queue')}) AND (e.queue IS NOT NULL OR e.agent_id IS NOT NULL)
		WHEN 'draft' THEN (e.author IS NULL OR e.author = 'ai') AND e.body IS NOT NULL
			AND (e.review IS NULL OR e.review IN (${list(DRAFT_REVIEWS)})) AND ${allIds('e.kb_article_ids')}
		WHEN 'note' THEN (e.author IS NULL OR e.author IN ('agent', 'ai')) AND e.body IS NOT NULL
		WHEN 'status' THEN e.status IN (${list(STATUSES)})
		ELSE false END`;

const CONVERSATION_CHECK = `
	${untrimmed('c.id')} AND (c.source IS NULL OR ${untrimmed('c.source')})
	AND (c.channel IS NULL OR c.channel IN (${list(CHANNELS)}))
	AND ${utcTimestamp('c.created_at')} AND (c.updated_at IS NULL OR ${utcTimestamp('c.updated_at')})
	AND (c.language IS NULL OR regexp_full_match(c.language, '[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*'))
	AND (c.priority IS NULL OR c.priority IN (${list(PRIORITIES)}))
	AND (c.history IS NULL OR c.history IN ('full', 'partial'))
	AND (c.csat IS NULL OR CASE
		WHEN c.csat.score IS NOT NULL THEN c.csat.rating IS NULL AND ${finite('c.csat.score')}
			AND (c.csat.scale IS NULL OR (${finite('c.csat.scale')} AND c.csat.scale > 0))
			AND c.csat.score BETWEEN 0 AND coalesce(c.csat.scale, 5)
		ELSE c.csat.rating IN ('good', 'bad') AND c.csat.scale IS NULL END)
	AND (c.events IS NULL OR (
		${everyOne('c.events', 'e', EVENT_CHECK.trim())}
		AND ${IN_TIME_ORDER}
		AND len(list_distinct(list_transform(c.events, e -> e.id))) = len(c.events)))`;

/** A file's lines as rows of one text column j, in file order (bound parameter: the file path). */
export const FILE_LINES = `read_csv(?, columns = {'j': 'VARCHAR'}, delim = E'\\x01', quote = '', escape = '', header = false,
				auto_detect = false, new_line = '\\n', max_line_size = ${FAST_MAX_LINE_BYTES * 2}, buffer_size = ${FAST_MAX_LINE_BYTES * 4})`;

/**
 * One file's lines, parsed, into `table`: `ok` says DuckDB's checks passed the line, `raw` keeps the text of lines the fast path leaves to
 * zod (blank lines are NULL or whitespace), `c` the parsed conversation of the rest. Insertion
 * order is file order, so rowid + 1 is the line number. Bound parameter: the file path.
 */
export function parseLinesSql(table: string): string {
	return `
CREATE OR REPLACE TEMP TABLE ${table} AS
SELECT ok, CASE WHEN ok THEN NULL ELSE j END AS raw, ${CONVERSATION_ROW}, CASE WHEN ok THEN c.events END AS events
FROM (
	SELECT j, c, coalesce(
		strlen(j) <= ${FAST_MAX_LINE_BYTES}
		AND NOT regexp_matches(j, '${LEFT_TO_ZOD}')
		AND ${CONVERSATION_CHECK.trim()}, false) AS ok
	FROM (
		SELECT j, try(from_json(j, '${LINE_STRUCTURE}')) AS c
		FROM ${FILE_LINES}
	)
)`;
}

/**
 * Accepted lines without a language (the import detects theirs, as flattenConversation does):
 * rowid, subject and the customer's message bodies in event order, for detectLanguage.
 */
export function missingLanguageSql(table: string): string {
	return `SELECT rowid AS r, subject, coalesce(list_transform(list_filter(events, e -> e.type = 'message' AND e.author = 'customer'), e -> e.body), []) AS bodies
	FROM ${table} WHERE ok AND language IS NULL ORDER BY rowid`;
}

/** Sets the detected languages, bound as one JSON list of {r: rowid, language}; an in-place update, so rowids stay. */
export function setDetectedLanguagesSql(table: string): string {
	return `UPDATE ${table} SET language = d.language, language_detected = true
	FROM (SELECT unnest(from_json(?, '[{"r":"BIGINT","language":"VARCHAR"}]'), recursive := true)) d WHERE ${table}.rowid = d.r`;
}

/** An accepted line's conversation row, every column but ord (rowid gives it); separate columns, so the merge reads no event when it reads these. */
const CONVERSATION_ROW = Object.entries({
	source: `coalesce(c.source, 'canonical')`,
	id: 'c.id',
	channel: `coalesce(c.channel, 'other')`,
	created_at: sqlTimestamp('c.created_at'),
	updated_at: sqlTimestamp('c.updated_at'),
	subject: 'c.subject',
	language: 'c.language',
	language_detected: 'false',
	intent: 'c.intent',
	priority: 'c.priority',
	tags: 'c.tags',
	customer_id: 'c.customer.id',
	customer_tier: 'c.customer.tier',
	customer_plan: 'c.customer.plan',
	csat_score: 'c.csat.score',
	csat_scale: 'CASE WHEN c.csat.score IS NOT NULL THEN coalesce(c.csat.scale, 5) END',
	csat_rating: 'c.csat.rating',
	csat_comment: 'c.csat.comment',
	history: `CASE WHEN c.history = 'partial' THEN 'partial' END`,
	content_hash: `'h' || hash(j)::VARCHAR`
})
	.map(([column, value]) => `CASE WHEN ok THEN ${value} END AS ${column}`)
	.join(',\n\t');

/** A parsed file's table and the ord its line 0 has (its lines follow). */
export interface ParsedFile {
	table: string;
	ordBase: number;
}

const ordOf = (f: ParsedFile) => {
	if (!Number.isSafeInteger(f.ordBase)) throw new Error(`bad ord base ${f.ordBase}`);
	return `${f.ordBase} + rowid + 1`;
};

/** Accepted lines as staged conversation rows (the columns of CONVERSATION_COLUMNS). */
function conversationsOf(f: ParsedFile): string {
	return `SELECT * EXCLUDE (ok, raw, events), ${ordOf(f)} AS ord FROM ${f.table} WHERE ok`;
}

/** Only the fields each event type's schema declares are kept (zod strips the others). */
const keep = (column: string, types: string[]) => `CASE WHEN e.type IN (${list(types)}) THEN e.${column} END AS ${column}`;

/**
 * The events (the columns of EVENT_COLUMNS) of accepted lines whose conversation is in
 * `affected` (source, id, ord), in their sequence: the checks let only time-ordered ones through.
 * The join comes before the unnest, so unchanged conversations' events are never unpacked.
 * `affected` null: every accepted line's conversation is affected (a first import), so no join:
 * DuckDB builds a join's hash table on the parsed lines, event lists and all, which spilled
 * gigabytes at 1M lines.
 */
function eventsOf(f: ParsedFile, affected: string | null): string {
	const lines = `(SELECT source, id, events, ${ordOf(f)} AS ord FROM ${f.table} WHERE ok) l`;
	return `
SELECT source, conversation_id, seq, e.id, ${sqlTimestamp('e.at')} AS occurred_at, e.type,
	CASE e.type WHEN 'handoff' THEN coalesce(e.author, 'ai') WHEN 'draft' THEN 'ai' WHEN 'note' THEN coalesce(e.author, 'agent')
		WHEN 'message' THEN e.author END AS author,
	${keep('body', ['message', 'draft', 'note'])}, ${keep('agent_id', ['message', 'assignment', 'draft', 'note'])},
	${keep('answer_type', ['message'])}, ${keep('confidence', ['message'])}, ${keep('kb_article_ids', ['message', 'draft'])},
	${keep('to_queue', ['handoff'])}, ${keep('reason', ['handoff'])}, ${keep('note', ['handoff'])},
	${keep('customer_message', ['handoff'])}, ${keep('queue', ['assignment'])}, ${keep('final_body', ['draft'])},
	${keep('review', ['draft'])}, ${keep('status', ['status'])}
FROM (
	SELECT l.source, l.id AS conversation_id, unnest(l.events) AS e, generate_subscripts(l.events, 1) - 1 AS seq
	FROM ${lines}
	${affected === null ? '' : `JOIN ${affected} a ON a.source = l.source AND a.id = l.id AND a.ord = l.ord`}
)`;
}

/** How many of a parsed file's accepted lines are in `affected` (source, id, ord): a join of narrow rows. */
export function affectedLinesSql(f: ParsedFile, affected: string): string {
	return `SELECT count(*) AS n FROM (SELECT source, id, ${ordOf(f)} AS ord FROM ${f.table} WHERE ok) l
	JOIN ${affected} a ON a.source = l.source AND a.id = l.id AND a.ord = l.ord`;
}

/** The view the merge reads beside the staging files: every parsed file's conversation rows, nothing copied. */
export function fastConversationsViewSql(files: ParsedFile[]): string {
	return `CREATE OR REPLACE TEMP VIEW fast_conversations AS ${files.map(conversationsOf).join('\nUNION ALL\n')}`;
}

/** A parsed file's events of the conversations in `affected` (a fixed temp table name; null: of every accepted line), for INSERT … SELECT. */
export function fastEventsSql(f: ParsedFile, affected: string | null): string {
	return eventsOf(f, affected);
}
