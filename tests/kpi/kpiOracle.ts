// A second, independent implementation of the KPI definitions (docs/kpis.md) in plain TypeScript, straight
// from canonical records, used only by tests to check the SQL engine. Deliberately written
// without the facts table: it walks each conversation's events and compares customers pairwise.
import { distance } from 'fastest-levenshtein';
import type { Conversation } from '../../src/lib/schema';

export interface OracleSettings {
	repeatWindowDays: number;
	verifiedWindowHours: number;
	reopenWindowDays: number;
}
export const ORACLE_DEFAULTS: OracleSettings = { repeatWindowDays: 7, verifiedWindowHours: 72, reopenWindowDays: 7 };

export interface OracleConversation {
	key: string;
	week: string;
	channel: string;
	queue: string | null;
	language: string | null;
	intent: string | null;
	tier: string | null;
	createdAt: number;
	ai: boolean;
	human: boolean;
	handoffs: number;
	accurate: number;
	solveAt: number | null;
	reopenAt: number | null;
	queues: Set<string>;
	anyAssignment: boolean;
	reviews: string[];
	edits: number[];
	fallback: boolean;
	frt: number | null;
	ttr: number | null;
	rated: boolean;
	positive: boolean;
	customer: string | null;
	/** Filled from the other conversations of the customer. */
	laterContacts: number[];
}

function mondayOf(ms: number): string {
	const d = new Date(ms);
	const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
	return new Date(day - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
}

function chars(s: string): string[] {
	return Array.from(s);
}

/** Levenshtein over code points, written out (no shortcuts shared with the engine). */
function codePointDistance(a: string, b: string): number {
	const x = chars(a),
		y = chars(b);
	if (x.every((c) => c.length === 1) && y.every((c) => c.length === 1)) return distance(a, b);
	let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
	for (let i = 1; i <= x.length; i++) {
		const cur = [i];
		for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
		prev = cur;
	}
	return prev[y.length];
}

export function oracleConversation(c: Conversation): OracleConversation {
	const createdAt = Date.parse(c.created_at);
	const o: OracleConversation = {
		key: `${c.source}\u0000${c.id}`,
		week: mondayOf(createdAt),
		channel: c.channel,
		queue: null,
		language: c.language ?? null,
		intent: c.intent ?? null,
		tier: c.customer?.tier ?? null,
		createdAt,
		ai: false,
		human: false,
		handoffs: 0,
		accurate: 0,
		solveAt: null,
		reopenAt: null,
		queues: new Set(),
		anyAssignment: false,
		reviews: [],
		edits: [],
		fallback: false,
		frt: null,
		ttr: null,
		rated: false,
		positive: false,
		customer: c.customer?.id ? c.customer.id : null,
		laterContacts: []
	};
	let sawCustomer = false;
	let solvedYet = false;
	c.events.forEach((e, i) => {
		const at = Date.parse(e.at);
		if (e.type === 'message') {
			if (e.author === 'ai') o.ai = true;
			if (e.author === 'ai' && e.answer_type === 'fallback') o.fallback = true;
			if (e.author === 'agent') o.human = true;
			if (sawCustomer && o.frt === null && (e.author === 'ai' || e.author === 'agent')) o.frt = (at - createdAt) / 1000;
			if (e.author === 'customer') sawCustomer = true;
		} else if (e.type === 'draft') {
			if (e.review) o.reviews.push(e.review);
			if (e.review === 'sent_as_is' || e.review === 'edited') o.human = true;
			if (e.review === 'edited' && e.final_body !== undefined) {
				const longer = Math.max(chars(e.body).length, chars(e.final_body).length);
				o.edits.push(longer === 0 ? 0 : codePointDistance(e.body, e.final_body) / longer);
			}
		} else if (e.type === 'handoff') {
			o.handoffs++;
			const after = new Set(c.events.slice(i + 1).flatMap((l) => (l.type === 'assignment' && l.queue ? [l.queue] : [])));
			if (after.size === 1 && after.has(e.to_queue)) o.accurate++;
		} else if (e.type === 'assignment') {
			o.anyAssignment = true;
			if (e.queue) {
				o.queues.add(e.queue);
				o.queue = e.queue;
			}
		} else if (e.type === 'status') {
			if (e.status === 'solved' || e.status === 'closed') {
				if (!solvedYet) {
					solvedYet = true;
					o.solveAt = at;
					o.ttr = (at - createdAt) / 1000;
				}
			} else if (solvedYet && o.reopenAt === null) o.reopenAt = at;
		}
	});
	if (c.csat) {
		o.rated = true;
		o.positive = 'rating' in c.csat ? c.csat.rating === 'good' : c.csat.score / c.csat.scale >= 0.8 - 1e-12;
	}
	return o;
}

/** Links each solved conversation with the creation times of its customer's other conversations. */
export function linkCustomers(all: (OracleConversation & { source: string })[]): void {
	for (const a of all) {
		if (a.solveAt === null || a.customer === null) continue;
		for (const b of all) {
			if (b === a || b.source !== a.source || b.customer !== a.customer) continue;
			a.laterContacts.push(b.createdAt);
		}
	}
}

export interface OracleTally {
	counts: { conversations: number; ai_involved: number; csat_responses: number };
	rates: Record<string, [number, number]>;
	frt: number[];
	ttr: number[];
}

function within(o: OracleConversation, windowMs: number): boolean {
	if (o.solveAt === null || o.customer === null) return false;
	const from = Math.max(o.solveAt, o.createdAt);
	return o.laterContacts.some((t) => t > from && t - o.solveAt! <= windowMs);
}

export function tally(list: OracleConversation[], s: OracleSettings = ORACLE_DEFAULTS): OracleTally {
	const rates: Record<string, [number, number]> = {};
	const add = (k: string, num: number, den: number) => {
		const r = (rates[k] ??= [0, 0]);
		r[0] += num;
		r[1] += den;
	};
	const t: OracleTally = { counts: { conversations: 0, ai_involved: 0, csat_responses: 0 }, rates, frt: [], ttr: [] };
	for (const key of [
		'containment_rate',
		'verified_containment_rate',
		'escalation_rate',
		'reopen_rate',
		'reroute_rate',
		'escalation_accuracy',
		'draft_edit_rate',
		'draft_reject_rate',
		'edit_magnitude',
		'unanswered_rate',
		'csat',
		'repeat_contact_rate',
		'first_contact_resolution_rate'
	])
		add(key, 0, 0);
	for (const o of list) {
		t.counts.conversations++;
		const solved = o.solveAt !== null;
		const contained = o.ai && solved && o.handoffs === 0 && !o.human;
		const reopenedSoon = o.reopenAt !== null && o.reopenAt - o.solveAt! <= s.reopenWindowDays * 86_400_000;
		const repeat = within(o, s.repeatWindowDays * 86_400_000);
		const newSoon = within(o, s.verifiedWindowHours * 3_600_000);
		if (o.ai) t.counts.ai_involved++;
		const ai = o.ai ? 1 : 0;
		add('containment_rate', contained ? 1 : 0, ai);
		add('verified_containment_rate', contained && !reopenedSoon && !newSoon ? 1 : 0, ai);
		add('escalation_rate', o.ai && o.handoffs > 0 ? 1 : 0, ai);
		add('unanswered_rate', o.ai && o.fallback ? 1 : 0, ai);
		add('reopen_rate', solved && o.reopenAt !== null ? 1 : 0, solved ? 1 : 0);
		add('reroute_rate', o.queues.size >= 2 ? 1 : 0, o.anyAssignment ? 1 : 0);
		add('escalation_accuracy', o.accurate, o.handoffs);
		const n = (r: string) => o.reviews.filter((x) => x === r).length;
		add('draft_edit_rate', n('edited'), n('edited') + n('sent_as_is'));
		add('draft_reject_rate', n('rejected'), o.reviews.length);
		add(
			'edit_magnitude',
			o.edits.reduce((a, b) => a + b, 0),
			o.edits.length
		);
		if (o.rated) t.counts.csat_responses++;
		add('csat', o.positive ? 1 : 0, o.rated ? 1 : 0);
		add('repeat_contact_rate', repeat ? 1 : 0, solved && o.customer !== null ? 1 : 0);
		add('first_contact_resolution_rate', solved && o.reopenAt === null && o.queues.size <= 1 && !repeat ? 1 : 0, solved ? 1 : 0);
		if (o.frt !== null) t.frt.push(o.frt);
		if (o.ttr !== null) t.ttr.push(o.ttr);
	}
	return t;
}

/** Interpolated quantile (linear between closest ranks), as quantile_cont. */
export function quantile(values: number[], q: number): number | null {
	if (values.length === 0) return null;
	const v = [...values].sort((a, b) => a - b);
	const pos = q * (v.length - 1);
	const lo = Math.floor(pos);
	return lo + 1 < v.length ? v[lo] + (v[lo + 1] - v[lo]) * (pos - lo) : v[lo];
}
