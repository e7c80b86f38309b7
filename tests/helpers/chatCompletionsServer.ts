// A local OpenAI-compatible Chat Completions server on loopback for the LLM grader's tests
// and bench. By default it grades from the input itself (the criteria listed in the system
// prompt, verdicts from what the graded text contains); a test's `behave` hook can answer
// 429 with retry-after, 500, a slow answer, malformed JSON or a 400 for json_schema instead.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
	n: number;
	body: {
		model: string;
		messages: { role: string; content: string }[];
		response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
		max_tokens?: number;
	};
	/** The graded text (after "to grade:"), as the server received it. */
	graded: string;
	/** The request body exactly as it arrived on the wire. */
	raw: string;
}

export type Behaviour =
	| { kind: 'grade'; delayMs?: number }
	| { kind: 'status'; status: number; retryAfter?: string; delayMs?: number }
	| { kind: 'content'; content: string }
	| { kind: 'hang'; ms: number };

export interface ChatServerOptions {
	/** Decides how to answer request n (1-based, over the server's life). Default: grade. */
	behave?: (request: ReceivedRequest) => Behaviour;
	/** Fixed latency before every answer. */
	latencyMs?: number;
	/** Answer 400 to response_format json_schema, as servers without structured output do. */
	rejectJsonSchema?: boolean;
}

/** Input-dependent gradings: what a careful reviewer would say about the placeholders and phrases. */
export function gradeFromPrompt(system: string, graded: string): Record<string, { verdict: string; reason: string }> {
	const names = [...system.matchAll(/^- (\w+)/gm)].map((m) => m[1]);
	const criteria: Record<string, { verdict: string; reason: string }> = {};
	for (const name of names) criteria[name] = { verdict: 'pass', reason: `${name} looks fine` };
	const fail = (name: string, reason: string) => {
		if (criteria[name]) criteria[name] = { verdict: 'fail', reason };
	};
	if (/\[(CARD|IBAN|BIC|SSN|DOB|PHONE|EMAIL|PASSWORD|ADDRESS)\]/.test(graded)) fail('no_personal_data', 'contains redacted personal data');
	if (/erstattet|refunded|reembolsado|remboursé/i.test(graded)) fail('no_unauthorized_commitment', 'promises a refund');
	if (criteria.tone_fit) criteria.tone_fit = { verdict: 'n/a', reason: 'not enough context' };
	if (criteria.has_goal && !/goal/i.test(graded)) {
		for (const n of ['has_goal', 'has_facts', 'has_actions_taken', 'has_blocker', 'has_next_action']) fail(n, 'missing from the note');
	}
	return criteria;
}

export async function startChatServer(options: ChatServerOptions = {}) {
	const requests: ReceivedRequest[] = [];
	let inFlight = 0;
	let maxInFlight = 0;
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', async () => {
			inFlight++;
			maxInFlight = Math.max(maxInFlight, inFlight);
			try {
				if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
					res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
					return;
				}
				const raw = Buffer.concat(chunks).toString('utf8');
				const body = JSON.parse(raw) as ReceivedRequest['body'];
				const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
				const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
				const graded = user.split(/to grade:\n/).pop() ?? '';
				const request: ReceivedRequest = { n: requests.length + 1, body, graded, raw };
				requests.push(request);
				if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
				if (options.rejectJsonSchema && body.response_format?.type === 'json_schema') {
					res
						.writeHead(400, { 'content-type': 'application/json' })
						.end(JSON.stringify({ error: { message: "response_format 'json_schema' is not supported" } }));
					return;
				}
				const behaviour = options.behave?.(request) ?? { kind: 'grade' };
				if ('delayMs' in behaviour && behaviour.delayMs) await new Promise((r) => setTimeout(r, behaviour.delayMs));
				if (behaviour.kind === 'hang') {
					await new Promise((r) => setTimeout(r, behaviour.ms));
					if (res.destroyed) return;
				}
				if (behaviour.kind === 'status') {
					const headers: Record<string, string> = { 'content-type': 'application/json' };
					if (behaviour.retryAfter !== undefined) headers['retry-after'] = behaviour.retryAfter;
					res.writeHead(behaviour.status, headers).end(JSON.stringify({ error: { message: `simulated ${behaviour.status}` } }));
					return;
				}
				const content = behaviour.kind === 'content' ? behaviour.content : JSON.stringify({ criteria: gradeFromPrompt(system, graded) });
				const promptTokens = Math.ceil((system.length + user.length) / 4);
				const completionTokens = Math.ceil(content.length / 4);
				res.writeHead(200, { 'content-type': 'application/json' }).end(
					JSON.stringify({
						id: `chatcmpl-${request.n}`,
						object: 'chat.completion',
						created: Math.floor(Date.now() / 1000),
						model: body.model,
						choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
						usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens }
					})
				);
			} catch (error) {
				if (!res.headersSent) res.writeHead(500).end(String(error));
			} finally {
				inFlight--;
			}
		});
	});
	// Keep-alive sockets would hold close() open.
	server.keepAliveTimeout = 100;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		maxInFlight: () => maxInFlight,
		reset() {
			requests.length = 0;
			maxInFlight = 0;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
