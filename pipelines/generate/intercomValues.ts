// How the Intercom output spells things: Unix seconds, HTML bodies, team and admin ids, and
// Fin (the AI) as the author of its parts.
import { QUEUES } from './language';

export const TEAM_IDS = new Map<string, string>(QUEUES.map((q, i) => [q, String(5_017_601 + i)]));
export const FIN = { type: 'bot', id: '8011', name: 'Fin', email: 'operator+supportlens@intercom.io' };

export const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Paragraphs as <p>, line breaks as <br>: the HTML Intercom stores message bodies as. */
export const html = (text: string) =>
	text
		.split(/\n{2,}/)
		.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
		.join('');

export const adminId = (agentId: string) => String(81_000 + Number(agentId.replace(/\D/g, '') || 0));

/** An agent as an Intercom admin author. */
export const admin = (agentId: unknown) => ({
	type: 'admin',
	id: adminId(String(agentId)),
	name: `Agent ${String(agentId)}`,
	email: `${String(agentId)}@supportlens-demo.example`
});
