// Proof that a fix worked: for a resolved gap, its weekly question volume before and after the
// week it was resolved (mean questions per week on each side, and the weeks themselves).

export interface VolumeAroundResolution {
	resolved_week: string;
	before: { weeks: number; mean: number };
	after: { weeks: number; mean: number };
	/** after.mean / before.mean − 1; null when there is no before volume or no week after. */
	change: number | null;
}

/** `weekly` must list every week of the data (zeros included) for the means to be fair. */
export function gapVolumeAroundResolution(weekly: { week: string; questions: number }[], resolvedAt: string): VolumeAroundResolution {
	const day = new Date(resolvedAt);
	const monday = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - ((day.getUTCDay() + 6) % 7)));
	const resolvedWeek = monday.toISOString().slice(0, 10);
	const before = weekly.filter((w) => w.week < resolvedWeek);
	const after = weekly.filter((w) => w.week > resolvedWeek);
	const mean = (ws: typeof weekly) => (ws.length ? ws.reduce((s, w) => s + w.questions, 0) / ws.length : 0);
	const b = mean(before);
	const a = mean(after);
	return {
		resolved_week: resolvedWeek,
		before: { weeks: before.length, mean: Math.round(b * 100) / 100 },
		after: { weeks: after.length, mean: Math.round(a * 100) / 100 },
		change: b > 0 && after.length ? Math.round((a / b - 1) * 1000) / 1000 : null
	};
}
