import { describe, expect, it } from 'vitest';
import type { KpiAlert } from '../alerts';
import type { DigestData } from './loadDigest';
import { renderDigestHtml, renderDigestSlack, renderDigestText } from './renderDigest';

const week = { week: '2026-W42', from: '2026-10-12', to: '2026-10-18', toExclusive: '2026-10-19' };
const previous = { week: '2026-W41', from: '2026-10-05', to: '2026-10-11', toExclusive: '2026-10-12' };
const EVIL = '<script>alert(1)</script>&"quoted"';

function alert(overrides: Partial<KpiAlert> = {}): KpiAlert {
	return {
		week: '2026-W42',
		kpi: 'reopen_rate',
		label: 'Reopen rate',
		kind: 'rate',
		scope: { dimension: 'channel', value: EVIL },
		numerator: 30,
		denominator: 200,
		link: '/conversations?kpi=reopen_rate&cond=numerator&week=2026-W42&channel=x',
		value: 0.15,
		baseline: 0.06,
		low: 0.02,
		high: 0.1,
		direction: 'up',
		verdict: 'bad',
		change: 0.09,
		relativeChange: 1.5,
		severity: 2,
		limitedBy: 'sampling',
		pValue: 0.0001,
		...overrides
	};
}

function digest(role: DigestData['role']): DigestData {
	const manager = role === 'manager' || role === 'admin';
	const transcripts = role !== 'exec';
	return {
		week,
		previous,
		role,
		trendWeeks: ['2026-08-24', '2026-08-31', '2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12'],
		figures: [
			{
				key: 'conversations',
				label: 'Conversations',
				kind: 'count',
				value: 320,
				previous: 300,
				trend: [200, 220, 250, 240, 260, 280, 300, 320]
			},
			{
				key: 'containment_rate',
				label: 'Containment rate',
				kind: 'rate',
				value: 0.5,
				previous: 0.55,
				trend: [0.5, 0.52, null, 0.53, 0.54, 0.55, 0.55, 0.5]
			}
		],
		alerts: {
			week: '2026-W42',
			from: week.from,
			to: week.to,
			historyFrom: '2026-08-17',
			historyTo: '2026-10-11',
			checked: 90,
			alerts: [alert()]
		},
		reviewCounts: [{ key: 'reopened', title: 'Reopened "contained" conversations', total: 7 }],
		transcripts,
		gaps: transcripts ? [{ id: 3, title: `How do I cancel? ${EVIL}`, size: 12, coverage: 'missing', status: 'new' }] : null,
		worst: manager
			? [
					{
						source: 'zendesk',
						conversationId: 'c-1',
						eventId: 'e1',
						kind: 'draft',
						score: 0,
						failed: [{ name: 'no_commitment', verdict: 'fail', reason: `promised ${EVIL}`, critical: true }]
					}
				]
			: null
	};
}

describe('renderDigestHtml', () => {
	it('escapes every piece of data', () => {
		const html = renderDigestHtml(digest('manager'), 'https://sl.example.com');
		expect(html).not.toContain('<script>');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;quoted&quot;');
	});

	it('links into the dashboard at ORIGIN, with the week', () => {
		const html = renderDigestHtml(digest('manager'), 'https://sl.example.com');
		expect(html).toContain('href="https://sl.example.com/review?week=2026-W42"');
		expect(html).toContain(
			'href="https://sl.example.com/conversations?kpi=reopen_rate&amp;cond=numerator&amp;week=2026-W42&amp;channel=x"'
		);
		expect(html).toContain('href="https://sl.example.com/gaps/3"');
		expect(html).toContain('href="https://sl.example.com/conversations/zendesk/c-1"');
	});

	it('carries its charts inline: a sparkline per figure and the volume bars, no remote images or scripts', () => {
		const html = renderDigestHtml(digest('manager'), null);
		expect(html.match(/<svg /g)?.length).toBe(3);
		expect(html).toMatch(/<polyline [^>]*points="[\d., ]+"/);
		expect(html).not.toMatch(/<img|<script|src=/);
	});

	it("an exec's digest holds aggregates only: no gap titles, grade reasons or conversation links", () => {
		const html = renderDigestHtml(digest('exec'), 'https://sl.example.com');
		expect(html).not.toContain('How do I cancel');
		expect(html).not.toContain('promised');
		expect(html).not.toContain('/conversations');
		expect(html).not.toContain('/review');
		expect(html).toContain('Reopen rate');
		expect(html).toContain('aggregates only');
	});

	it('breakdowns folded under an overall alert are named with their change, escaped, in every form', () => {
		const d = digest('manager');
		const overall = alert({ scope: { dimension: 'all', value: null } });
		overall.folded = [alert({ change: -0.021, kind: 'rate' }), alert({ scope: { dimension: 'queue', value: 'billing' }, change: 0.12 })];
		d.alerts.alerts = [overall];
		const html = renderDigestHtml(d, null);
		expect(html).toContain('also in channel &lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;quoted&quot; −2.1 pp, queue billing +12.0 pp');
		expect(html).not.toContain('<script>');
		expect(renderDigestText(d, null)).toContain('also in channel <script>alert(1)</script>&"quoted" −2.1 pp, queue billing +12.0 pp');
		expect(JSON.stringify(renderDigestSlack(d, null))).toContain('queue billing +12.0 pp');
	});

	it('text and Slack forms carry the same figures, Slack with its own escaping', () => {
		const text = renderDigestText(digest('exec'), 'https://sl.example.com');
		expect(text).toContain('Containment rate: 50.0% (−5.0 pp)');
		expect(text).not.toContain('/conversations');
		const slack = JSON.stringify(renderDigestSlack(digest('exec'), 'https://sl.example.com'));
		expect(slack).toContain('&lt;script&gt;');
		expect(slack).not.toContain('<script>');
	});
});
