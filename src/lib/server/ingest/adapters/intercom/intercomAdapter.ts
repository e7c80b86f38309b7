// Intercom: conversation objects of the REST API (`GET /conversations/{id}` with its
// conversation_parts, or list pages), as JSON Lines or JSON documents, plus optional `team.list`
// and `admin.list` side-loads for team names and admin emails. Streams one conversation at a time.
import fs from 'node:fs';
import { formatIssues } from '../../../../schema';
import type { AdapterRecord, FileSample, FormatAdapter, RecordLocation } from '../../types';
import { isObject } from '../zendesk/readJsonRecords';
import { buildIntercomConversation, IntercomRecordError, type IntercomContext } from './buildIntercomConversation';
import { intercomAdminSchema, intercomConversationSchema, intercomTeamSchema } from './intercomSchemas';
import { readIntercomFile } from './readIntercomFile';

const RAW_LIMIT = 2000;
type Kind = 'conversation' | 'team' | 'admin' | 'unknown';

const KEY_KINDS: Record<string, Kind> = { conversations: 'conversation', teams: 'team', admins: 'admin' };
const DETECT = /"type"\s*:\s*"(conversation|conversation\.list|team\.list|admin\.list)"|"conversation_parts"\s*:\s*\{/;
const SIDE_LOAD = /"type"\s*:\s*"(team|admin)(\.list)?"/;

function kindOf(value: Record<string, unknown>): Kind {
	if (value.type === 'conversation') return 'conversation';
	if (value.type === 'team') return 'team';
	if (value.type === 'admin') return 'admin';
	if (value.type === undefined && 'created_at' in value && ('conversation_parts' in value || 'source' in value)) return 'conversation';
	return 'unknown';
}

/** Splits one JSON value (a conversation, a list page, an array) into typed items. */
function* explode(value: unknown, location: RecordLocation, key?: string | null): Generator<{ kind: Kind; value: unknown; location: RecordLocation }> {
	if (key && key in KEY_KINDS && isObject(value) && value.type === undefined) {
		yield { kind: KEY_KINDS[key], value, location };
		return;
	}
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) yield* explode(value[i], { ...location, record: `${location.record ?? ''}[${i}]` });
		return;
	}
	if (!isObject(value)) {
		yield { kind: 'unknown', value, location };
		return;
	}
	const listKey = Object.keys(KEY_KINDS).find((k) => Array.isArray(value[k]));
	if (listKey && kindOf(value) === 'unknown') {
		const list = value[listKey] as unknown[];
		for (let i = 0; i < list.length; i++) yield* explode(list[i], { ...location, record: `${listKey}[${i}]` }, listKey);
		return;
	}
	yield { kind: kindOf(value), value, location };
}

function rawOf(value: unknown): string {
	try {
		return (JSON.stringify(value) ?? '').slice(0, RAW_LIMIT);
	} catch {
		return '';
	}
}

function sideLoadFirst(files: string[]): string[] {
	const isSideLoad = (file: string) => {
		const fd = fs.openSync(file, 'r');
		try {
			const buf = Buffer.alloc(4096);
			const head = buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
			return SIDE_LOAD.test(head) && !/"type"\s*:\s*"conversation/.test(head);
		} finally {
			fs.closeSync(fd);
		}
	};
	const flags = new Map(files.map((f) => [f, isSideLoad(f)]));
	return [...files].sort((a, b) => Number(flags.get(b)) - Number(flags.get(a)));
}

export const intercomAdapter: FormatAdapter = {
	format: 'intercom',

	detect({ head }: FileSample) {
		return DETECT.test(head.slice(0, 16 * 1024));
	},

	async *read(files, options): AsyncGenerator<AdapterRecord> {
		const ctx: IntercomContext = {
			teams: new Map(),
			admins: new Map(),
			aiAuthors: new Set(options.aiAuthors.map((a) => a.trim().toLowerCase()).filter(Boolean))
		};
		const invalid = (location: RecordLocation, reason: string, raw?: string): AdapterRecord => ({ kind: 'invalid', location, reason, raw });
		// Team names and admin emails must be known before the conversations that name them.
		for (const file of sideLoadFirst(files)) {
			for await (const rec of readIntercomFile(file, options.onBytes)) {
				if (!rec.ok) {
					yield invalid(rec.location, rec.reason, rec.raw);
					continue;
				}
				for (const { kind, value, location } of explode(rec.value, rec.location, rec.key)) {
					if (kind === 'team') {
						const p = intercomTeamSchema.safeParse(value);
						if (p.success) ctx.teams.set(p.data.id, p.data.name);
						else yield invalid(location, `team: ${formatIssues(p.error)}`, rawOf(value));
					} else if (kind === 'admin') {
						const p = intercomAdminSchema.safeParse(value);
						if (p.success && p.data.email) ctx.admins.set(p.data.id, p.data.email);
						else if (!p.success) yield invalid(location, `admin: ${formatIssues(p.error)}`, rawOf(value));
					} else if (kind === 'conversation') {
						const p = intercomConversationSchema.safeParse(value);
						const id = isObject(value) && (typeof value.id === 'string' || typeof value.id === 'number') ? String(value.id) : undefined;
						const where = id ? { ...location, record: location.record ? `${location.record} conversation ${id}` : `conversation ${id}` } : location;
						if (!p.success) {
							yield invalid(where, `conversation: ${formatIssues(p.error)}`, rawOf(value));
							continue;
						}
						try {
							yield { kind: 'conversation', location: where, value: buildIntercomConversation(p.data, ctx) };
						} catch (error) {
							if (!(error instanceof IntercomRecordError)) throw error;
							yield invalid(where, `conversation ${p.data.id}: ${error.message}`, rawOf(value));
						}
					} else {
						yield invalid(location, 'not an Intercom conversation, conversation list, team or admin', rawOf(value));
					}
				}
			}
		}
	}
};
