// The columns of the staged rows (JSON Lines from zod, or DuckDB's fast path for our own
// format) and the SQL that reads them: one list, so both paths stage the same table shape.
export const CONVERSATION_COLUMNS = {
	source: 'VARCHAR',
	id: 'VARCHAR',
	ord: 'BIGINT',
	channel: 'VARCHAR',
	created_at: 'TIMESTAMP',
	updated_at: 'TIMESTAMP',
	subject: 'VARCHAR',
	language: 'VARCHAR',
	language_detected: 'BOOLEAN',
	intent: 'VARCHAR',
	priority: 'VARCHAR',
	tags: 'VARCHAR[]',
	customer_id: 'VARCHAR',
	customer_tier: 'VARCHAR',
	customer_plan: 'VARCHAR',
	csat_score: 'DOUBLE',
	csat_scale: 'DOUBLE',
	csat_rating: 'VARCHAR',
	csat_comment: 'VARCHAR',
	history: 'VARCHAR',
	content_hash: 'VARCHAR'
};
/** An event's own fields, named as in the canonical JSON and in the staged table alike. */
export const EVENT_PAYLOAD_COLUMNS = {
	body: 'VARCHAR',
	agent_id: 'VARCHAR',
	answer_type: 'VARCHAR',
	confidence: 'DOUBLE',
	kb_article_ids: 'VARCHAR[]',
	to_queue: 'VARCHAR',
	reason: 'VARCHAR',
	note: 'VARCHAR',
	customer_message: 'VARCHAR',
	queue: 'VARCHAR',
	final_body: 'VARCHAR',
	review: 'VARCHAR',
	status: 'VARCHAR'
};
export const EVENT_COLUMNS = {
	source: 'VARCHAR',
	conversation_id: 'VARCHAR',
	ord: 'BIGINT',
	seq: 'INTEGER',
	id: 'VARCHAR',
	occurred_at: 'TIMESTAMP',
	type: 'VARCHAR',
	author: 'VARCHAR',
	...EVENT_PAYLOAD_COLUMNS
};
export const KB_COLUMNS = {
	id: 'VARCHAR',
	ord: 'BIGINT',
	title: 'VARCHAR',
	body: 'VARCHAR',
	url: 'VARCHAR',
	locale: 'VARCHAR',
	updated_at: 'TIMESTAMP',
	translation_group: 'VARCHAR',
	content_hash: 'VARCHAR'
};
export const RATING_COLUMNS = {
	source: 'VARCHAR',
	conversation_id: 'VARCHAR',
	ord: 'BIGINT',
	rated_at: 'TIMESTAMP',
	csat_score: 'DOUBLE',
	csat_scale: 'DOUBLE',
	csat_rating: 'VARCHAR',
	csat_comment: 'VARCHAR'
};
export const QUARANTINE_COLUMNS = {
	file: 'VARCHAR',
	line: 'BIGINT',
	record: 'VARCHAR',
	reason: 'VARCHAR',
	raw: 'VARCHAR',
	raw_hash: 'VARCHAR',
	raw_bytes: 'BIGINT'
};
/** The read_json call for a staging file; the column spec is a fixed literal, the path is bound. */
export function readStaged(columns: Record<string, string>): string {
	const spec = Object.entries(columns)
		.map(([k, v]) => `${k}: '${v}'`)
		.join(', ');
	return `read_json(?, format = 'newline_delimited', columns = {${spec}})`;
}

export function columnList(columns: Record<string, string>, prefix = ''): string {
	return Object.keys(columns)
		.filter((c) => c !== 'ord')
		.map((c) => prefix + c)
		.join(', ');
}

/** A temp table with the staged columns, for rows staged in DuckDB itself. */
export function createStagedTableSql(name: string, columns: Record<string, string>): string {
	const spec = Object.entries(columns)
		.map(([k, v]) => `${k} ${v}`)
		.join(', ');
	return `CREATE OR REPLACE TEMP TABLE ${name} (${spec})`;
}
