// When conversations happen: a fixed export instant (so output is reproducible), weeks
// before it that get busier over the quarter with a little noise, weekdays busier than
// weekends, and office hours busier than the night.
import type { Rng } from './Rng';

export const DAY_MS = 24 * 3600 * 1000;
export const WEEK_MS = 7 * DAY_MS;
/** A Monday, 00:00 UTC: the sample's export instant unless told otherwise. */
export const DEFAULT_END = '2026-11-16T00:00:00Z';
/** The topic whose feature breaks in the incident week: its questions come in a flood. */
export const INCIDENT_TOPIC = 'sync_error';

const WEEKDAY = [1.15, 1.1, 1.05, 1.0, 0.95, 0.55, 0.5]; // Monday first
const HOUR = [
	0.2, 0.15, 0.12, 0.12, 0.15, 0.25, 0.45, 0.8, 1.2, 1.5, 1.6, 1.5, 1.3, 1.4, 1.5, 1.45, 1.3, 1.1, 0.9, 0.8, 0.7, 0.55, 0.4, 0.3
];

export class SampleCalendar {
	readonly start: number;
	readonly end: number;
	readonly weekWeights: number[];
	/** The week of an outage: integration sync errors pile up (-1 when the period is too short). */
	readonly incidentWeek: number;

	constructor(
		readonly weeks: number,
		endIso: string,
		rng: Rng
	) {
		this.end = Date.parse(endIso);
		this.start = this.end - weeks * WEEK_MS;
		// Volume grows about 30% over the period; one quiet week (a holiday) dips.
		const quiet = weeks > 4 ? rng.int(2, weeks - 3) : -1;
		let incident = weeks > 4 ? rng.int(Math.floor(weeks / 2), weeks - 2) : -1;
		if (incident === quiet) incident = quiet + 1;
		this.incidentWeek = incident;
		this.weekWeights = Array.from({ length: weeks }, (_, w) => {
			const trend = 1 + (0.3 * w) / Math.max(1, weeks - 1);
			return trend * rng.float(0.92, 1.08) * (w === quiet ? 0.7 : 1) * (w === incident ? 1.2 : 1);
		});
	}

	/** 0 at the start of the period, 1 at its end. */
	progress(at: number): number {
		return Math.min(1, Math.max(0, (at - this.start) / (this.end - this.start)));
	}

	/** True during the incident week. */
	inIncident(at: number): boolean {
		return this.incidentWeek >= 0 && Math.floor((at - this.start) / WEEK_MS) === this.incidentWeek;
	}

	/** A random conversation start, by week, weekday and hour weights. */
	sampleStart(rng: Rng): number {
		const week = rng.weightedIndex(this.weekWeights);
		const day = rng.weightedIndex(WEEKDAY);
		const hour = rng.weightedIndex(HOUR);
		const second = rng.int(0, 3599);
		return this.start + week * WEEK_MS + day * DAY_MS + hour * 3600_000 + second * 1000;
	}

	/** The Monday (YYYY-MM-DD, UTC) of the ISO week holding `at`. */
	static weekOf(at: number): string {
		const d = new Date(at);
		const monday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY_MS;
		return new Date(monday).toISOString().slice(0, 10);
	}
}
