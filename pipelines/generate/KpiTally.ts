// Counts the generator's planted facts into the KPIs of docs/kpis.md as it goes, so the manifest
// states the expected value of every KPI without reading the output back. Bounded memory:
// counters plus two growable number arrays for the interpolated quantiles.
// The key list is the engine's; the arithmetic below is an independent tally of docs/kpis.md.
import { KPI_KEYS, type KpiKey, type KpiValues } from '../../src/lib/server/kpi/kpiDefinitions';
import { isContained, type ConversationFacts } from './conversationFacts';

export { KPI_KEYS, type KpiKey, type KpiValues };

class Numbers {
	private data = new Float64Array(1024);
	length = 0;
	push(v: number): void {
		if (this.length === this.data.length) {
			const bigger = new Float64Array(this.data.length * 2);
			bigger.set(this.data);
			this.data = bigger;
		}
		this.data[this.length++] = v;
	}
	sorted(): Float64Array {
		return this.data.slice(0, this.length).sort();
	}
}

/** Interpolated quantile, as DuckDB's quantile_cont: position q·(n−1) between the sorted values. */
export function quantileCont(sorted: ArrayLike<number>, q: number): number | null {
	const n = sorted.length;
	if (n === 0) return null;
	const pos = q * (n - 1);
	const lo = Math.floor(pos),
		hi = Math.ceil(pos);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

export class KpiTally {
	conversations = 0;
	aiInvolved = 0;
	contained = 0;
	verifiedContained = 0;
	escalated = 0;
	solved = 0;
	reopened = 0;
	withAssignment = 0;
	rerouted = 0;
	handoffs = 0;
	accurateHandoffs = 0;
	handoffsWithoutAssignment = 0;
	qualifiedHandoffs = 0;
	draftsSentAsIs = 0;
	draftsEdited = 0;
	draftsRejected = 0;
	draftsReviewed = 0;
	editMagnitudeSum = 0;
	unanswered = 0;
	csatRated = 0;
	csatPositive = 0;
	solvedKnownCustomer = 0;
	repeatContacts = 0;
	firstContactResolved = 0;
	private frt = new Numbers();
	private ttr = new Numbers();

	/** `qualifiedHandoffs`: how many of this conversation's hand-off notes are complete (planted). */
	add(f: ConversationFacts, qualifiedHandoffs: number): void {
		this.conversations++;
		if (f.aiInvolved) {
			this.aiInvolved++;
			if (f.handoffs > 0) this.escalated++;
			if (f.fallback) this.unanswered++;
			if (isContained(f)) {
				this.contained++;
				if (!f.reopenedWithin7d && !(f.hasCustomerId && f.newWithin72h)) this.verifiedContained++;
			}
		}
		if (f.firstSolveAt !== null) {
			this.solved++;
			if (f.reopened) this.reopened++;
			if (f.hasCustomerId) {
				this.solvedKnownCustomer++;
				if (f.repeatWithin7d) this.repeatContacts++;
			}
			if (!f.reopened && f.distinctQueues <= 1 && !f.repeatWithin7d) this.firstContactResolved++;
		}
		if (f.hasAssignment) {
			this.withAssignment++;
			if (f.distinctQueues >= 2) this.rerouted++;
		}
		this.handoffs += f.handoffs;
		this.accurateHandoffs += f.accurateHandoffs;
		this.handoffsWithoutAssignment += f.handoffsWithoutAssignment;
		this.qualifiedHandoffs += qualifiedHandoffs;
		this.draftsSentAsIs += f.draftsSentAsIs;
		this.draftsEdited += f.draftsEdited;
		this.draftsRejected += f.draftsRejected;
		this.draftsReviewed += f.draftsReviewed;
		for (const m of f.editMagnitudes) this.editMagnitudeSum += m;
		if (f.csatRated) {
			this.csatRated++;
			if (f.csatPositive) this.csatPositive++;
		}
		if (f.firstResponseSeconds !== null) this.frt.push(f.firstResponseSeconds);
		if (f.resolutionSeconds !== null) this.ttr.push(f.resolutionSeconds);
	}

	values(): KpiValues {
		const frt = this.frt.sorted(),
			ttr = this.ttr.sorted();
		return {
			conversations: this.conversations,
			ai_involved: this.aiInvolved,
			containment_rate: ratio(this.contained, this.aiInvolved),
			verified_containment_rate: ratio(this.verifiedContained, this.aiInvolved),
			escalation_rate: ratio(this.escalated, this.aiInvolved),
			reopen_rate: ratio(this.reopened, this.solved),
			reroute_rate: ratio(this.rerouted, this.withAssignment),
			escalation_accuracy: ratio(this.accurateHandoffs, this.handoffs),
			draft_edit_rate: ratio(this.draftsEdited, this.draftsSentAsIs + this.draftsEdited),
			draft_reject_rate: ratio(this.draftsRejected, this.draftsReviewed),
			edit_magnitude: ratio(this.editMagnitudeSum, this.draftsEdited),
			qualified_handoff_rate: ratio(this.qualifiedHandoffs, this.handoffs),
			unanswered_rate: ratio(this.unanswered, this.aiInvolved),
			first_response_time_median_s: quantileCont(frt, 0.5),
			first_response_time_p90_s: quantileCont(frt, 0.9),
			time_to_resolution_median_s: quantileCont(ttr, 0.5),
			time_to_resolution_p90_s: quantileCont(ttr, 0.9),
			csat: ratio(this.csatPositive, this.csatRated),
			csat_responses: this.csatRated,
			repeat_contact_rate: ratio(this.repeatContacts, this.solvedKnownCustomer),
			first_contact_resolution_rate: ratio(this.firstContactResolved, this.solved)
		};
	}

	/** The numerators and denominators behind the rates, for anyone checking a disagreement. */
	counts(): Record<string, number> {
		const { frt: _f, ttr: _t, ...counts } = this as unknown as Record<string, unknown>;
		return Object.fromEntries(Object.entries(counts).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
	}
}
