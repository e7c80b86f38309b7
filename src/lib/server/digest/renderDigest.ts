// Renders a DigestData as a self-contained HTML email (inline styles and SVG, no scripts, no
// remote images), its plain-text alternative, and a Slack-compatible webhook message. Every
// piece of data is escaped; links point into the dashboard at `origin` (ORIGIN).
import { alertChange, alertScopeName, foldedText } from '../../alerts/alertText';
import { formatKpi, kpiChange } from '../../kpi/kpiFormat';
import { MANAGER_ROLES } from '../auth/roles';
import { barChartSvg, sparklineSvg } from './digestCharts';
import { escapeHtml as e } from './escapeHtml';
import type { DigestData } from './loadDigest';

const TONE = { good: '#1d7a46', bad: '#b42318', neutral: '#5b6470', none: '#5b6470' };

export function digestSubject(d: DigestData): string {
	const bad = d.alerts.alerts.filter((a) => a.verdict === 'bad').length;
	return `SupportLens weekly review ${d.week.week}${bad ? ` · ${bad} alert${bad === 1 ? '' : 's'}` : ''}`;
}

function linker(origin: string | null) {
	return (path: string) => `${origin ?? ''}${path}`;
}

const MAX_ALERTS = 10;

export function renderDigestHtml(d: DigestData, origin: string | null): string {
	const url = linker(origin);
	const manager = MANAGER_ROLES.includes(d.role);
	const h2 = (text: string) => `<h2 style="font-size:16px;margin:24px 0 8px;color:#1b1f24">${e(text)}</h2>`;
	const a = (href: string, text: string) => `<a href="${e(href)}" style="color:#2457c5">${e(text)}</a>`;
	const cell = 'padding:6px 8px;border-bottom:1px solid #e6e9ee;vertical-align:middle';

	const figures = d.figures
		.map((f) => {
			const change = kpiChange(f.key, f.value, f.previous);
			return `<tr data-kpi="${e(f.key)}"><td style="${cell}">${e(f.label)}</td><td style="${cell};text-align:right;font-weight:600">${e(formatKpi(f.kind, f.value))}</td><td style="${cell};text-align:right;color:${TONE[change.tone]}">${e(change.arrow)} ${e(change.text)}</td><td style="${cell}">${sparklineSvg(f.trend, { label: `${f.label}, last ${f.trend.length} weeks` })}</td></tr>`;
		})
		.join('');

	const shown = d.alerts.alerts.slice(0, MAX_ALERTS);
	const alerts = shown.length
		? `<ul style="padding-left:18px;margin:0">${shown
				.map(
					(x) =>
						`<li data-testid="digest-alert" style="margin:4px 0"><span style="color:${TONE[x.verdict]}">${x.direction === 'up' ? '▲' : '▼'} ${e(x.verdict === 'neutral' ? 'volume' : x.verdict)}</span> <strong>${e(x.label)}</strong> (${e(alertScopeName(x))}): ${e(formatKpi(x.kind, x.value))}, usually ${e(formatKpi(x.kind, x.baseline))} (${e(alertChange(x))})${d.transcripts ? ` · ${a(url(x.link), 'conversations')}` : ''}${x.folded?.length ? `<br><span style="color:#5b6470">${e(foldedText(x))}</span>` : ''}</li>`
				)
				.join(
					''
				)}</ul>${d.alerts.alerts.length > shown.length ? `<p style="margin:6px 0;color:#5b6470">and ${d.alerts.alerts.length - shown.length} more on the dashboard.</p>` : ''}`
		: `<p style="margin:0">Nothing unusual: every KPI stayed within its usual band.</p>`;

	const counts = d.reviewCounts.map((c) => `<li>${e(c.title)}: <strong>${e(c.total.toLocaleString('en'))}</strong></li>`).join('');

	const gaps =
		d.gaps === null
			? ''
			: h2('Top knowledge gaps') +
				(d.gaps.length
					? `<table role="presentation" style="border-collapse:collapse;width:100%">${d.gaps
							.map(
								(g) =>
									`<tr data-testid="digest-gap"><td style="${cell}">${a(url(`/gaps/${g.id}`), g.title)}</td><td style="${cell};text-align:right">${e(g.size)} questions</td><td style="${cell}">${e(g.coverage)}</td><td style="${cell}">${e(g.status)}</td></tr>`
							)
							.join('')}</table>`
					: `<p style="margin:0">No open gaps (or the gap list has not been mined yet).</p>`);

	const worst =
		d.worst === null
			? ''
			: h2('Worst-graded this week') +
				(d.worst.length
					? `<table role="presentation" style="border-collapse:collapse;width:100%">${d.worst
							.map(
								(w) =>
									`<tr data-testid="digest-worst"><td style="${cell}">${a(url(`/conversations/${encodeURIComponent(w.source)}/${encodeURIComponent(w.conversationId)}`), `${w.source}/${w.conversationId}`)}</td><td style="${cell}">${e(w.kind)}</td><td style="${cell};text-align:right">${e(w.score ?? '–')}</td><td style="${cell}">${w.failed
										.filter((c) => c.verdict === 'fail')
										.map((c) => `${e(c.name)}: ${e(c.reason)}`)
										.join('<br>')}</td></tr>`
							)
							.join('')}</table>`
					: `<p style="margin:0">Nothing graded below par this week.</p>`);

	const volume = barChartSvg(d.trendWeeks, d.figures.find((f) => f.key === 'conversations')?.trend ?? [], {
		title: 'Conversations per week'
	});
	const overview = url(`/?from=${d.week.from}&to=${d.week.to}`);
	const open = manager
		? a(url(`/review?week=${encodeURIComponent(d.week.week)}`), 'Open the weekly review')
		: a(overview, 'Open the overview');

	return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(digestSubject(d))}</title></head>
<body style="margin:0;padding:0;background:#f6f7f9;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1f24;font-size:14px">
<div style="max-width:640px;margin:0 auto;padding:24px;background:#ffffff">
<h1 style="font-size:20px;margin:0 0 4px">SupportLens weekly review · ${e(d.week.week)}</h1>
<p style="margin:0 0 12px;color:#5b6470">${e(d.week.from)} to ${e(d.week.to)} (UTC), compared with ${e(d.previous.week)}. ${open}</p>
${h2('Key figures')}
<table role="presentation" data-testid="digest-figures" style="border-collapse:collapse;width:100%"><tr><th style="${cell};text-align:left">KPI</th><th style="${cell};text-align:right">This week</th><th style="${cell};text-align:right">vs ${e(d.previous.week)}</th><th style="${cell};text-align:left">8 weeks</th></tr>${figures}</table>
<div style="margin-top:16px">${volume}</div>
${h2(`Alerts (${d.alerts.alerts.length})`)}
${alerts}
${h2('Needs a look')}
<ul style="padding-left:18px;margin:0">${counts}</ul>
${gaps}
${worst}
<p style="margin:24px 0 0;color:#5b6470;font-size:12px">You receive this digest as ${e(d.role)}. ${d.transcripts ? '' : 'It holds aggregates only. '}Figures are SupportLens KPIs for ISO week ${e(d.week.week)}; alerts compare each KPI with its own previous weeks.</p>
</div></body></html>`;
}

export function renderDigestText(d: DigestData, origin: string | null): string {
	const url = linker(origin);
	const lines = [
		`SupportLens weekly review ${d.week.week} (${d.week.from} to ${d.week.to}, UTC), compared with ${d.previous.week}`,
		'',
		'Key figures'
	];
	for (const f of d.figures) lines.push(`  ${f.label}: ${formatKpi(f.kind, f.value)} (${kpiChange(f.key, f.value, f.previous).text})`);
	lines.push('', `Alerts (${d.alerts.alerts.length})`);
	for (const x of d.alerts.alerts.slice(0, MAX_ALERTS))
		lines.push(
			`  ${x.direction === 'up' ? '▲' : '▼'} ${x.label} (${alertScopeName(x)}): ${formatKpi(x.kind, x.value)}, usually ${formatKpi(x.kind, x.baseline)}${d.transcripts ? `  ${url(x.link)}` : ''}${x.folded?.length ? `\n      ${foldedText(x)}` : ''}`
		);
	if (!d.alerts.alerts.length) lines.push('  Nothing unusual.');
	lines.push('', 'Needs a look', ...d.reviewCounts.map((c) => `  ${c.title}: ${c.total}`));
	if (d.gaps)
		lines.push(
			'',
			'Top knowledge gaps',
			...d.gaps.map((g) => `  ${g.title} (${g.size} questions, ${g.coverage})  ${url(`/gaps/${g.id}`)}`)
		);
	if (d.worst)
		lines.push(
			'',
			'Worst-graded this week',
			...d.worst.map(
				(w) =>
					`  ${w.source}/${w.conversationId} ${w.kind} ${w.score ?? '–'}  ${url(`/conversations/${encodeURIComponent(w.source)}/${encodeURIComponent(w.conversationId)}`)}`
			)
		);
	lines.push(
		'',
		MANAGER_ROLES.includes(d.role) ? url(`/review?week=${encodeURIComponent(d.week.week)}`) : url(`/?from=${d.week.from}&to=${d.week.to}`)
	);
	return lines.join('\n');
}

/** Slack's mrkdwn needs &, < and > escaped; links are <url|text>. */
const slack = (s: unknown) =>
	String(s ?? '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;');

/** A Slack-compatible incoming-webhook body: `text` for every client, `blocks` for Slack. */
export function renderDigestSlack(d: DigestData, origin: string | null): { text: string; blocks: object[] } {
	const url = linker(origin);
	const figures = d.figures
		.map((f) => `• ${slack(f.label)}: *${slack(formatKpi(f.kind, f.value))}* (${slack(kpiChange(f.key, f.value, f.previous).text)})`)
		.join('\n');
	const alerts = d.alerts.alerts.length
		? d.alerts.alerts
				.slice(0, MAX_ALERTS)
				.map(
					(x) =>
						`• ${x.direction === 'up' ? '▲' : '▼'} ${slack(x.label)} (${slack(alertScopeName(x))}): ${slack(formatKpi(x.kind, x.value))}, usually ${slack(formatKpi(x.kind, x.baseline))}${d.transcripts && origin ? ` <${url(x.link)}|conversations>` : ''}${x.folded?.length ? ` (${slack(foldedText(x))})` : ''}`
				)
				.join('\n')
		: 'Nothing unusual.';
	const title = digestSubject(d);
	const open = origin
		? ` <${MANAGER_ROLES.includes(d.role) ? url(`/review?week=${encodeURIComponent(d.week.week)}`) : url(`/?from=${d.week.from}&to=${d.week.to}`)}|Open the dashboard>`
		: '';
	return {
		text: `${title}: ${d.alerts.alerts.length} alert(s).`,
		blocks: [
			{ type: 'header', text: { type: 'plain_text', text: title } },
			{
				type: 'section',
				text: {
					type: 'mrkdwn',
					text: `${slack(d.week.from)} to ${slack(d.week.to)} (UTC), compared with ${slack(d.previous.week)}.${open}`
				}
			},
			{ type: 'section', text: { type: 'mrkdwn', text: `*Key figures*\n${figures}` } },
			{ type: 'section', text: { type: 'mrkdwn', text: `*Alerts (${d.alerts.alerts.length})*\n${alerts}` } }
		]
	};
}
