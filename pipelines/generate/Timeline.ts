// One conversation's clock: appends events in time order, at a pace realistic for the channel
// (seconds on live chat, hours on email), and keeps the message transcript for hand-off notes.
import type { Rng } from './Rng';

const SECOND = 1000;

/** An instant as the generator writes it: ISO 8601, UTC, whole seconds. */
export function iso(ms: number): string {
	return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export class Timeline {
	t: number;
	readonly events: Record<string, unknown>[] = [];
	readonly transcript: { author: string; body: string }[] = [];
	private n = 0;
	constructor(
		start: number,
		private readonly live: boolean,
		private readonly rng: Rng
	) {
		this.t = start;
	}
	/** Waits: `quick` for bots and live chat, `slow` for email-paced replies. */
	wait(quickSeconds: [number, number], slowSeconds: [number, number]): void {
		const [a, b] = this.live ? quickSeconds : slowSeconds;
		this.t += this.rng.int(a, b) * SECOND;
	}
	waitMs(ms: number): void {
		this.t += Math.max(SECOND, Math.round(ms / SECOND) * SECOND);
	}
	add(event: Record<string, unknown>): string {
		const id = `e${++this.n}`;
		this.events.push({ id, at: iso(this.t), ...event });
		if (event.type === 'message') this.transcript.push({ author: String(event.author), body: String(event.body) });
		// Nothing shares a timestamp: ordering never depends on a tie-break.
		this.t += SECOND;
		return id;
	}
}
