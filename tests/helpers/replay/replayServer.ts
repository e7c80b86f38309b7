// A local stand-in for a help desk's REST API on 127.0.0.1: routes answer from an in-memory
// account the test can change between syncs; every request is logged; faults (a 429 with
// Retry-After, a 500, a 401) can be queued for requests that match; requests can be held
// unanswered, so a test can kill a sync at a known point.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReplayRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: http.IncomingHttpHeaders;
	body: unknown;
}

export interface ReplayResponse {
	status?: number;
	headers?: Record<string, string>;
	body?: unknown;
}

export interface Fault {
	when: (r: ReplayRequest) => boolean;
	status: number;
	headers?: Record<string, string>;
	body?: unknown;
	/** How many matching requests get the fault (then they pass). */
	times: number;
}

export type Route = (r: ReplayRequest, origin: string) => ReplayResponse | undefined;

export class ReplayServer {
	readonly requests: ReplayRequest[] = [];
	readonly faults: Fault[] = [];
	/** Added before every answer, to stand for a real API's round trip (measurements). */
	latencyMs = 0;
	/** Requests matching this are held unanswered (until `close`). */
	hold: ((r: ReplayRequest) => boolean) | null = null;
	private readonly held: http.ServerResponse[] = [];
	private heldListeners: (() => void)[] = [];
	private server!: http.Server;
	origin = '';

	private constructor(
		private readonly route: Route,
		private readonly authorized: (r: ReplayRequest) => boolean
	) {}

	static async start(route: Route, authorized: (r: ReplayRequest) => boolean): Promise<ReplayServer> {
		const s = new ReplayServer(route, authorized);
		s.server = http.createServer((req, res) => void s.handle(req, res));
		await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
		s.origin = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
		return s;
	}

	/** Resolves once a request is being held. */
	waitForHeld(): Promise<void> {
		if (this.held.length) return Promise.resolve();
		return new Promise((resolve) => this.heldListeners.push(resolve));
	}

	count(pred: (r: ReplayRequest) => boolean): number {
		return this.requests.filter(pred).length;
	}

	async close(): Promise<void> {
		for (const res of this.held.splice(0)) res.destroy();
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', this.origin);
		let body: unknown = raw;
		if (/json/.test(req.headers['content-type'] ?? '') && raw) body = JSON.parse(raw);
		else if (/urlencoded/.test(req.headers['content-type'] ?? '')) body = Object.fromEntries(new URLSearchParams(raw));
		const request: ReplayRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body };
		this.requests.push(request);

		if (this.hold?.(request)) {
			this.held.push(res);
			for (const listener of this.heldListeners.splice(0)) listener();
			return;
		}
		if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
		const fault = this.faults.find((f) => f.times > 0 && f.when(request));
		if (fault) {
			fault.times--;
			return send(res, { status: fault.status, headers: fault.headers, body: fault.body ?? { error: `replayed ${fault.status}` } });
		}
		// An unknown path (another account's URL) is a 404 whatever the credentials.
		const answer = this.route(request, this.origin);
		if (!answer) return send(res, { status: 404, body: { error: 'InvalidEndpoint', description: 'Not found' } });
		if (!this.authorized(request)) return send(res, { status: 401, body: { error: "Couldn't authenticate you" } });
		send(res, answer);
	}
}

function send(res: http.ServerResponse, r: ReplayResponse): void {
	const text = r.body === undefined ? '' : JSON.stringify(r.body);
	res.writeHead(r.status ?? 200, { 'Content-Type': 'application/json; charset=utf-8', ...r.headers });
	res.end(text);
}

/** Unix seconds of an ISO time. */
export const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** Basic auth "user:password" as a request's header carries it. */
export function basicAuth(r: ReplayRequest): string | undefined {
	const h = r.headers.authorization;
	return h?.startsWith('Basic ') ? Buffer.from(h.slice(6), 'base64').toString('utf8') : undefined;
}
