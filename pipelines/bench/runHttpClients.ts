// Concurrent HTTP clients for the dashboard bench: N logged-in clients on loopback, each
// requesting the next URL as soon as its previous answer has been read in full, until a
// request count, a time limit or a stop condition ends the phase. Latency is per request.
export interface ClientPhase {
	/** One Cookie header per client (empty: logged out); its length is the concurrency. */
	cookies: string[];
	/** Requested in rotation (client i starts at URL i). */
	urls: string[];
	/** Instead, client i's own rotation (each client on its own views). */
	urlsPerClient?: string[][];
	maxRequests: number;
	maxMs: number;
	/** Checked between requests: ends the phase early (e.g. when an import finished). */
	stop?: () => boolean;
	/** A request slower than this counts as failed. */
	timeoutMs?: number;
}

export interface PhaseResult {
	requests: number;
	failed: number;
	/** Status codes (or error names) of failed requests, with counts. */
	failures: Record<string, number>;
	seconds: number;
	requests_per_s: number;
	p50_ms: number | null;
	p95_ms: number | null;
	p99_ms: number | null;
	max_ms: number | null;
	mean_bytes: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number | null {
	if (sorted.length === 0) return null;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export async function runHttpClients(phase: ClientPhase): Promise<PhaseResult> {
	const latencies: number[] = [];
	const failures: Record<string, number> = {};
	let issued = 0,
		bytes = 0;
	const started = performance.now();
	const more = () => issued < phase.maxRequests && performance.now() - started < phase.maxMs && !phase.stop?.();

	async function client(i: number) {
		const urls = phase.urlsPerClient?.[i] ?? phase.urls;
		let next = phase.urlsPerClient ? 0 : i;
		while (more()) {
			issued++;
			const url = urls[next++ % urls.length];
			const t0 = performance.now();
			let failure: string | null = null;
			try {
				const response = await fetch(url, {
					// As a browser asks for a page (the login route answers scripts differently).
					headers: { Accept: 'text/html', ...(phase.cookies[i] ? { Cookie: phase.cookies[i] } : {}) },
					redirect: 'manual',
					signal: AbortSignal.timeout(phase.timeoutMs ?? 30_000)
				});
				const body = await response.arrayBuffer();
				bytes += body.byteLength;
				if (response.status !== 200) failure = `HTTP ${response.status}`;
			} catch (error) {
				failure = error instanceof Error ? error.name : 'error';
			}
			latencies.push(performance.now() - t0);
			if (failure) failures[failure] = (failures[failure] ?? 0) + 1;
		}
	}
	await Promise.all(phase.cookies.map((_, i) => client(i)));
	const seconds = (performance.now() - started) / 1000;
	const sorted = [...latencies].sort((a, b) => a - b);
	const failed = Object.values(failures).reduce((a, b) => a + b, 0);
	return {
		requests: latencies.length,
		failed,
		failures,
		seconds: round(seconds)!,
		requests_per_s: round(latencies.length / seconds)!,
		p50_ms: round(percentile(sorted, 50)),
		p95_ms: round(percentile(sorted, 95)),
		p99_ms: round(percentile(sorted, 99)),
		max_ms: round(sorted[sorted.length - 1] ?? null),
		mean_bytes: latencies.length ? Math.round(bytes / latencies.length) : 0
	};
}
