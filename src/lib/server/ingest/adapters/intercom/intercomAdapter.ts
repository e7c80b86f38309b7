// Intercom: conversation objects of the REST API (`GET /conversations/{id}` with its
// conversation_parts, or list pages), as JSON Lines or JSON documents, plus optional `team.list`
// and `admin.list` side-loads for team names and admin emails. Streams one conversation at a time.
import fs from 'node:fs';
import { formatIssues } from '../../../../schema';
import { invalidRecord } from '../shared/invalidRecord';
import { rawRecordText } from '../shared/rawRecordText';
import type { AdapterRecord, FileSample, FormatAdapter, RecordLocation } from '../../types';
import { envelopeVendor } from '../shared/streamEnvelope';
import { idText } from '../shared/vendorValues';
import { KeyedGroups } from '../zendesk/KeyedGroups';
import { isObject } from '../zendesk/readJsonRecords';
import { isIntercomTicket, ticketAsConversation } from './intercomTicket';
import { buildIntercomConversation, type IntercomContext } from './buildIntercomConversation';
import { IntercomRecordError } from './IntercomRecordError';
import { intercomAdminSchema, intercomConversationSchema, intercomTeamSchema } from './intercomSchemas';
import { intercomArticleRecords } from './intercomArticles';
import { readIntercomFile } from './readIntercomFile';

type Kind = 'conversation' | 'ticket' | 'part' | 'team' | 'admin' | 'article' | 'ignored' | 'unknown';

/** Intercom object types with no canonical meaning, passed over without a quarantine row. */
const IGNORED_TYPES = new Set([
	'contact',
	'company',
	'tag',
	'segment',
	'job',
	'user_message',
	'ticket_part',
	'data_attribute',
	'note',
	'activity_log',
	'collection',
	'section',
	'help_center'
]);

const KEY_KINDS: Record<string, Kind> = { conversations: 'conversation', tickets: 'ticket', teams: 'team', admins: 'admin' };
/** Airbyte/Singer stream → kind; other streams (contacts, companies, tags, …) have no canonical meaning. */
const STREAMS: Record<string, Kind> = {
	conversations: 'conversation',
	tickets: 'ticket',
	conversation_parts: 'part',
	teams: 'team',
	admins: 'admin'
};
const DETECT =
	/"type"\s*:\s*"(conversation|conversation\.list|ticket|ticket\.list|team\.list|admin\.list)"|"(conversation|ticket)_parts"\s*:\s*\{/;
const SIDE_LOAD = /"type"\s*:\s*"(team|admin)(\.list)?"/;

function kindOf(value: Record<string, unknown>): Kind {
	if (value.type === 'conversation') return 'conversation';
	if (isIntercomTicket(value)) return 'ticket';
	if (value.type === 'article') return 'article';
	if (typeof value.type === 'string' && IGNORED_TYPES.has(value.type.replace(/\.list$/, ''))) return 'ignored';
	if (value.type === 'team') return 'team';
	if (value.type === 'admin') return 'admin';
	if (value.type === undefined && 'created_at' in value && ('conversation_parts' in value || 'source' in value)) return 'conversation';
	return 'unknown';
}

/** Splits one JSON value (a conversation, a list page, an array) into typed items. */
function* explode(
	value: unknown,
	location: RecordLocation,
	key?: string | null,
	stream?: string
): Generator<{ kind: Kind; value: unknown; location: RecordLocation }> {
	if (stream !== undefined) {
		yield { kind: STREAMS[stream] ?? 'ignored', value, location };
		return;
	}
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
	if (value.type === 'list' && Array.isArray(value.data)) {
		// `GET /articles`, `/contacts`…: {"type": "list", "data": […]}
		for (let i = 0; i < value.data.length; i++) yield* explode(value.data[i], { ...location, record: `data[${i}]` });
		return;
	}
	if (value.type === undefined && Object.values(value).some((v) => isObject(v) && typeof v.type === 'string')) {
		// A collection of API responses keyed by name (e.g. the API reference's examples).
		for (const [name, v] of Object.entries(value)) if (v !== null) yield* explode(v, { ...location, record: name });
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
		if (/^\s*\{\s*"(stream|type)"\s*:/.test(head) && envelopeVendor(head) !== undefined) return envelopeVendor(head) === 'intercom';
		return DETECT.test(head.slice(0, 16 * 1024));
	},

	async *read(files, options): AsyncGenerator<AdapterRecord> {
		const ctx: IntercomContext = {
			teams: new Map(),
			admins: new Map(),
			aiAuthors: new Set(options.aiAuthors.map((a) => a.trim().toLowerCase()).filter(Boolean))
		};
		function* conversationRecord(value: unknown, location: RecordLocation): Generator<AdapterRecord> {
			const p = intercomConversationSchema.safeParse(value);
			const id = isObject(value) && (typeof value.id === 'string' || typeof value.id === 'number') ? String(value.id) : undefined;
			const where = id
				? { ...location, record: location.record ? `${location.record} conversation ${id}` : `conversation ${id}` }
				: location;
			if (!p.success) {
				yield invalidRecord(where, `conversation: ${formatIssues(p.error)}`, rawRecordText(value));
				return;
			}
			try {
				yield { kind: 'conversation', location: where, value: buildIntercomConversation(p.data, ctx) };
			} catch (error) {
				if (!(error instanceof IntercomRecordError)) throw error;
				yield invalidRecord(where, `conversation ${p.data.id}: ${error.message}`, rawRecordText(value));
			}
		}
		// Sync tools emit conversation_parts as their own stream: parts join their conversation by id.
		// Made on the first record from a stream: plain exports never pay for it.
		let streamed: KeyedGroups<{ k: 'c' | 'p'; v: unknown; loc: RecordLocation }> | undefined;
		const idOf = (v: unknown, key: string) => (isObject(v) ? idText(v[key]) : undefined);
		try {
			// Team names and admin emails must be known before the conversations that name them.
			for (const file of sideLoadFirst(files)) {
				for await (const rec of readIntercomFile(file, options.onBytes)) {
					if (!rec.ok) {
						yield invalidRecord(rec.location, rec.reason, rec.raw);
						continue;
					}
					for (const { kind, location, ...item } of explode(rec.value, rec.location, rec.key, 'stream' in rec ? rec.stream : undefined)) {
						if (kind === 'ignored') continue;
						const value = kind === 'ticket' && isObject(item.value) ? ticketAsConversation(item.value) : item.value;
						const streamId =
							'stream' in rec && rec.stream !== undefined ? idOf(value, kind === 'part' ? 'conversation_id' : 'id') : undefined;
						if ((kind === 'conversation' || kind === 'ticket' || kind === 'part') && streamId !== undefined) {
							streamed ??= new KeyedGroups(files.reduce((n, f) => n + fs.statSync(f).size, 0));
							await streamed.add(streamId, { k: kind === 'part' ? 'p' : 'c', v: value, loc: location });
							continue;
						}
						if (kind === 'team') {
							const p = intercomTeamSchema.safeParse(value);
							if (p.success) ctx.teams.set(p.data.id, p.data.name);
							else yield invalidRecord(location, `team: ${formatIssues(p.error)}`, rawRecordText(value));
						} else if (kind === 'admin') {
							const p = intercomAdminSchema.safeParse(value);
							if (p.success && p.data.email) ctx.admins.set(p.data.id, p.data.email);
							else if (!p.success) yield invalidRecord(location, `admin: ${formatIssues(p.error)}`, rawRecordText(value));
						} else if (kind === 'conversation' || kind === 'ticket') {
							yield* conversationRecord(value, location);
						} else if (kind === 'article') {
							yield* intercomArticleRecords(value, location);
						} else {
							yield invalidRecord(
								location,
								'not an Intercom conversation, ticket, conversation list, team or admin; leave it out or pass --format',
								rawRecordText(value)
							);
						}
					}
				}
			}
			for await (const [id, items] of streamed?.groups() ?? []) {
				const conversations = items.filter((i) => i.k === 'c');
				const conv = conversations.at(-1);
				if (!conv) {
					yield invalidRecord(
						{ ...items[0].loc, record: `conversation ${id}` },
						`conversation_parts for Intercom conversation ${id}, but the conversation itself is not in the files given; sync the conversations stream too`
					);
					continue;
				}
				const value = isObject(conv.v) ? conv.v : {};
				const own =
					isObject(value.conversation_parts) && Array.isArray(value.conversation_parts.conversation_parts)
						? value.conversation_parts.conversation_parts
						: [];
				const parts = new Map<string, unknown>();
				for (const p of [...own, ...items.filter((i) => i.k === 'p').map((i) => i.v)]) parts.set(idOf(p, 'id') ?? String(parts.size), p);
				yield* conversationRecord({ ...value, conversation_parts: { conversation_parts: [...parts.values()] } }, conv.loc);
			}
		} finally {
			streamed?.dispose();
		}
	}
};
