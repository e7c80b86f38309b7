// `ingest`: imports help-desk exports into the warehouse, with progress on stderr.
import os from 'node:os';
import { StrictImportError, UsageError } from '../../src/lib/server/errors';
import {
	describeProgress,
	FORMATS,
	IMPORT_DUCKDB_MEMORY_LIMIT,
	importFiles,
	type ImportProgress,
	type ImportSummary
} from '../../src/lib/server/ingest';
import { resolveDbPath, withWarehouse } from '../../src/lib/server/warehouse';
import { parseFlags, type Command } from '../command';
import { progressReporter } from '../progressReporter';
import { csvMappingFromFlags } from './csvMappingFromFlags';

const usage =
	'ingest <paths…> [--format auto|canonical|zendesk|intercom|freshdesk|helpscout|csv] [--db PATH] [--strict] [--ai-author ID_OR_EMAIL …] [--map field=Header …] [--json]';

export function formatSummary(s: ImportSummary): string {
	const lines = [
		`loaded ${s.loaded}, updated ${s.updated}, unchanged ${s.unchanged + s.skipped_older}, quarantined ${s.quarantined}`,
		`  conversations: ${s.loaded} new, ${s.updated} replaced by a newer copy, ${s.unchanged} identical, ${s.skipped_older} older than a copy already held`,
		`  KB articles:   ${s.kb_loaded} new, ${s.kb_updated} replaced, ${s.kb_unchanged} unchanged`,
		`  formats: ${s.formats.join(', ')} · import run #${s.runId}`
	];
	if (s.ratings_read || s.ratings_applied) {
		lines.push(
			`  CSAT ratings: ${s.ratings_read} read, ${s.ratings_applied} conversation(s) given a new rating; a rating whose conversation is not imported yet is kept and applied when it comes`
		);
	}
	if (s.quarantined) lines.push(`  quarantined records are listed in the dashboard's Imports page and in table \`quarantine\``);
	for (const file of s.skipped_files) {
		lines.push(
			`  passed over ${file}: not a help-desk export this tool reads (contacts, companies, folders… or an unknown format); name it with --format if it is one`
		);
	}
	return lines.join('\n');
}

export const ingestCommand: Command = {
	name: 'ingest',
	summary: 'import help-desk exports (files or folders) into the warehouse',
	usage,
	async run(argv) {
		const { values, positionals } = parseFlags(
			argv,
			{
				format: { type: 'string', default: 'auto' },
				db: { type: 'string' },
				strict: { type: 'boolean' },
				json: { type: 'boolean' },
				'ai-author': { type: 'string', multiple: true },
				map: { type: 'string', multiple: true }
			},
			usage
		);
		if (positionals.length === 0) throw new UsageError(`name at least one file or folder\nusage: ${usage}`);
		const format = values.format as string;
		if (format !== 'auto' && !(FORMATS as readonly string[]).includes(format)) {
			throw new UsageError(`unknown --format "${format}"; use auto, ${FORMATS.join(', ')}`);
		}
		let latest: ImportProgress | undefined;
		const progress = progressReporter(() => (latest ? describeProgress(latest) : 'starting…'));
		const csvMapping = csvMappingFromFlags(values.map ?? []);
		const summary = await withWarehouse(
			resolveDbPath(values.db),
			(warehouse) =>
				importFiles(warehouse, positionals, {
					format: format as 'auto',
					aiAuthors: values['ai-author'] ?? [],
					csvMapping,
					origin: 'cli',
					workers: Math.min(4, os.availableParallelism()),
					onProgress: (p) => {
						latest = p;
						if (p.phase !== 'done') progress.update(p.phase === 'loading');
					}
				}),
			{ memoryLimit: process.env.SUPPORTLENS_DUCKDB_MEMORY ?? IMPORT_DUCKDB_MEMORY_LIMIT }
		);
		if (latest) progress.done();
		console.log(values.json ? JSON.stringify(summary) : formatSummary(summary));
		if (values.strict && summary.quarantined > 0) {
			throw new StrictImportError(`--strict: ${summary.quarantined} record(s) were quarantined`);
		}
		return 0;
	}
};
