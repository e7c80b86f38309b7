// The agreement report: a grader's stored draft grades against what human reviewers did with
// the same drafts (sent as is, or lightly edited = good; edited heavily or rejected = bad),
// and optionally against a generator manifest's planted good/bad labels for drafts and
// hand-offs.
import fs from 'node:fs';
import { UsageError } from '../errors';
import { editMagnitude } from '../kpi/editMagnitude';
import type { WarehouseConnection } from '../warehouse/WarehouseConnection';
import { agreementStats, type Label } from './agreementStats';
import type { GraderName } from './Grader';
import { eventKey } from './storeGrades';
import type { AgreementReport, PlantedAgreement } from '../../grading/types';

export type { AgreementReport, PlantedAgreement };

export interface AgreementSettings {
	grader: GraderName;
	/** An edited draft whose edit magnitude (0..1) is at least this counts as "edited heavily". */
	editThreshold: number;
	/** When set, a grade is "good" at or above this score; otherwise a grade is good when no criterion fails. */
	passScore?: number;
}

export const DEFAULT_EDIT_THRESHOLD = 0.3;

interface GradeRow {
	source: string;
	conversation_id: string;
	event_id: string;
	kind: string;
	score: number | null;
	criteria: string;
}

function verdictOf(row: GradeRow, settings: AgreementSettings): Label {
	if (settings.passScore !== undefined) return row.score !== null && row.score >= settings.passScore ? 'good' : 'bad';
	const criteria = JSON.parse(row.criteria) as Record<string, { verdict: string }>;
	return Object.values(criteria).some((c) => c.verdict === 'fail') ? 'bad' : 'good';
}

async function latestGrades(db: WarehouseConnection, grader: GraderName, kinds: string[]): Promise<Map<string, GradeRow>> {
	const rows = await db.all<GradeRow>(
		`SELECT source, conversation_id, event_id, kind, score, CAST(criteria AS VARCHAR) AS criteria FROM grades
		 WHERE grader = ? AND error IS NULL AND kind IN (${kinds.map(() => '?').join(', ')})
		 QUALIFY row_number() OVER (PARTITION BY source, conversation_id, event_id ORDER BY graded_at DESC) = 1`,
		[grader, ...kinds]
	);
	return new Map(rows.map((r) => [eventKey(r.source, r.conversation_id, r.event_id), r]));
}

interface ManifestLabel {
	source: string;
	conversation_id: string;
	event_id: string;
	label: Label;
	criteria?: string[];
}

function readManifest(file: string): { drafts: ManifestLabel[]; handoffs: ManifestLabel[] } {
	let parsed: { drafts?: ManifestLabel[]; handoffs?: ManifestLabel[] };
	try {
		parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch (error) {
		const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not a JSON manifest';
		throw new UsageError(`cannot read manifest ${file}: ${why}`);
	}
	if (!Array.isArray(parsed.drafts) || !Array.isArray(parsed.handoffs))
		throw new UsageError(`manifest ${file} has no "drafts" and "handoffs" label lists`);
	return { drafts: parsed.drafts, handoffs: parsed.handoffs };
}

export async function computeAgreement(
	db: WarehouseConnection,
	settings: AgreementSettings,
	manifestPath?: string
): Promise<AgreementReport> {
	const grades = await latestGrades(db, settings.grader, ['draft', 'handoff']);
	const reviewed = await db.all<{
		source: string;
		conversation_id: string;
		id: string;
		review: string;
		body: string | null;
		final_body: string | null;
	}>(`SELECT source, conversation_id, id, review, body, final_body FROM events WHERE type = 'draft' AND review IS NOT NULL`);
	const pairs: { grader: Label; reference: Label }[] = [];
	const skipped = { escalated: 0, ungraded: 0 };
	for (const e of reviewed) {
		if (e.review === 'escalated') {
			skipped.escalated++;
			continue;
		}
		const grade = grades.get(eventKey(e.source, e.conversation_id, e.id));
		if (!grade) {
			skipped.ungraded++;
			continue;
		}
		let reference: Label;
		if (e.review === 'sent_as_is') reference = 'good';
		else if (e.review === 'rejected') reference = 'bad';
		else reference = e.final_body != null && editMagnitude(e.body ?? '', e.final_body) < settings.editThreshold ? 'good' : 'bad';
		pairs.push({ grader: verdictOf(grade, settings), reference });
	}
	const report: AgreementReport = {
		grader: settings.grader,
		reference: 'human_review',
		positive: 'bad',
		edit_threshold: settings.editThreshold,
		pass_rule: settings.passScore !== undefined ? `score >= ${settings.passScore}` : 'no criterion fails',
		...agreementStats(pairs),
		skipped
	};
	if (manifestPath) {
		const manifest = readManifest(manifestPath);
		const caught: Record<string, { n: number; caught: number }> = {};
		const compare = (labels: ManifestLabel[]) => {
			const out: { grader: Label; reference: Label }[] = [];
			for (const l of labels) {
				const grade = grades.get(eventKey(l.source, l.conversation_id, l.event_id));
				if (!grade) continue;
				const verdict = verdictOf(grade, settings);
				out.push({ grader: verdict, reference: l.label });
				for (const criterion of l.criteria ?? []) {
					caught[criterion] ??= { n: 0, caught: 0 };
					caught[criterion].n++;
					if (verdict === 'bad') caught[criterion].caught++;
				}
			}
			return agreementStats(out);
		};
		report.planted = { drafts: compare(manifest.drafts), handoffs: compare(manifest.handoffs), caught_by_planted_criterion: caught };
	}
	return report;
}
