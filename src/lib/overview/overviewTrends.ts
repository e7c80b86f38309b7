// The overview's 12-week trend charts: which KPIs each chart draws, in what unit, and whether
// durations go on a log axis (browser-safe; labels and kinds come from the KPI catalogue).
import type { KpiKey } from '$lib/kpi/kpiCatalogue';

export interface TrendChart {
	id: string;
	title: string;
	keys: KpiKey[];
	unit: string;
	yName: string;
	log?: boolean;
	bars?: boolean;
}

export const OVERVIEW_TRENDS: TrendChart[] = [
	{
		id: 'volume',
		title: 'Conversations per week',
		keys: ['conversations', 'ai_involved'],
		unit: 'conversations',
		yName: 'Conversations',
		bars: true
	},
	{
		id: 'ai',
		title: 'AI outcomes',
		keys: ['containment_rate', 'verified_containment_rate', 'escalation_rate', 'unanswered_rate'],
		unit: '%',
		yName: 'Share of AI-involved (%)'
	},
	{
		id: 'quality',
		title: 'Quality signals',
		keys: ['reopen_rate', 'reroute_rate', 'draft_edit_rate', 'draft_reject_rate', 'repeat_contact_rate'],
		unit: '%',
		yName: 'Rate (%)'
	},
	{
		id: 'customer',
		title: 'Customer outcomes',
		keys: ['csat', 'first_contact_resolution_rate', 'escalation_accuracy'],
		unit: '%',
		yName: 'Rate (%)'
	},
	{
		id: 'frt',
		title: 'First response time',
		keys: ['first_response_time_median_s', 'first_response_time_p90_s'],
		unit: 'min',
		yName: 'Minutes',
		log: true
	},
	{
		id: 'ttr',
		title: 'Time to resolution',
		keys: ['time_to_resolution_median_s', 'time_to_resolution_p90_s'],
		unit: 'h',
		yName: 'Hours',
		log: true
	}
];
