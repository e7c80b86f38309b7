// The digest's charts as inline SVG (no scripts, no external images, so they show offline
// and in mail clients that render SVG): a sparkline per KPI and a weekly volume bar chart.
import { escapeHtml } from './escapeHtml';

const round = (v: number) => Math.round(v * 10) / 10;

/** A line through the non-null values, the last point marked; an empty frame with fewer than 2. */
export function sparklineSvg(
	values: readonly (number | null)[],
	options: { width?: number; height?: number; color?: string; label: string }
): string {
	const width = options.width ?? 120,
		height = options.height ?? 28,
		pad = 3;
	const color = options.color ?? '#2457c5';
	const points = values.map((v, i) => ({ v, i })).filter((p): p is { v: number; i: number } => p.v !== null && Number.isFinite(p.v));
	const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(options.label)}">`;
	if (points.length < 2) return `${open}</svg>`;
	const min = Math.min(...points.map((p) => p.v)),
		max = Math.max(...points.map((p) => p.v));
	const x = (i: number) => round(pad + (i / Math.max(1, values.length - 1)) * (width - 2 * pad));
	const y = (v: number) => round(max === min ? height / 2 : height - pad - ((v - min) / (max - min)) * (height - 2 * pad));
	const line = points.map((p) => `${x(p.i)},${y(p.v)}`).join(' ');
	const last = points[points.length - 1];
	return `${open}<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${line}"/><circle cx="${x(last.i)}" cy="${y(last.v)}" r="2.5" fill="${color}"/></svg>`;
}

/** Bars per week with the week's label under each; the last bar (this week) highlighted. */
export function barChartSvg(
	labels: readonly string[],
	values: readonly (number | null)[],
	options: { title: string; width?: number; height?: number }
): string {
	const width = options.width ?? 560,
		height = options.height ?? 150,
		top = 22,
		bottom = 20;
	const max = Math.max(1, ...values.map((v) => v ?? 0));
	const slot = width / Math.max(1, values.length);
	const bars = values
		.map((v, i) => {
			const h = round(((v ?? 0) / max) * (height - top - bottom));
			const colour = i === values.length - 1 ? '#2457c5' : '#a9bfe8';
			const x = round(i * slot + slot * 0.15);
			return (
				`<rect x="${x}" y="${round(height - bottom - h)}" width="${round(slot * 0.7)}" height="${h}" fill="${colour}"><title>${escapeHtml(labels[i])}: ${escapeHtml(v ?? 0)}</title></rect>` +
				`<text x="${round(i * slot + slot / 2)}" y="${height - 6}" font-size="10" text-anchor="middle" fill="#5b6470">${escapeHtml(labels[i].slice(5))}</text>` +
				`<text x="${round(i * slot + slot / 2)}" y="${round(height - bottom - h - 3)}" font-size="10" text-anchor="middle" fill="#1b1f24">${escapeHtml(v ?? 0)}</text>`
			);
		})
		.join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(options.title)}"><text x="0" y="12" font-size="12" font-weight="600" fill="#1b1f24">${escapeHtml(options.title)}</text>${bars}</svg>`;
}
