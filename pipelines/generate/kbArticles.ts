// The sample knowledge base: a good article per language for every covered topic, the weak
// (off-target or thin) article for every weak topic, nothing at all for missing topics, plus
// a few general articles no topic needs, as a real help center has.
import type { KbArticle } from '../../src/lib/schema';
import { LANGUAGES } from './language';
import { kbArticleId, TOPICS } from './topics';

const GENERAL: { id: string; title: Record<string, string>; body: Record<string, string> }[] = [
	{
		id: 'kb-getting-started',
		title: { en: 'Getting started', de: 'Erste Schritte', es: 'Primeros pasos', fr: 'Bien démarrer' },
		body: {
			en: 'Create your workspace, invite your team under Settings > Members and connect your first integration from the Integrations page.',
			de: 'Legen Sie Ihren Workspace an, laden Sie Ihr Team unter Einstellungen > Mitglieder ein und verbinden Sie Ihre erste Integration.',
			es: 'Crea tu espacio, invita a tu equipo en Ajustes > Miembros y conecta tu primera integración desde la página Integraciones.',
			fr: 'Créez votre espace, invitez votre équipe dans Paramètres > Membres et connectez votre première intégration.'
		}
	},
	{
		id: 'kb-notification-settings',
		title: {
			en: 'Notification settings',
			de: 'Benachrichtigungen einstellen',
			es: 'Ajustes de notificaciones',
			fr: 'Paramètres de notification'
		},
		body: {
			en: 'Choose which emails and push notifications you receive under Settings > Notifications. Changes apply to your user only.',
			de: 'Unter Einstellungen > Benachrichtigungen wählen Sie, welche E-Mails und Push-Nachrichten Sie erhalten.',
			es: 'En Ajustes > Notificaciones eliges qué correos y notificaciones push recibes.',
			fr: 'Dans Paramètres > Notifications, choisissez les e-mails et notifications push que vous recevez.'
		}
	}
];

/** Every KB article of the sample, in a stable order. `updatedAt` is the export's instant. */
export function kbArticles(updatedAt: string): KbArticle[] {
	const out: KbArticle[] = [];
	for (const topic of TOPICS) {
		if (!topic.kb || topic.coverage === 'missing') continue;
		for (const lang of LANGUAGES) {
			const id = kbArticleId(topic, lang);
			out.push({
				id,
				title: topic.kb.title[lang],
				body: topic.kb.body[lang],
				url: `https://help.supportlens.example/${lang}/articles/${id}`,
				locale: lang,
				updated_at: updatedAt
			});
		}
	}
	for (const g of GENERAL) {
		for (const lang of LANGUAGES) {
			const id = `${g.id}-${lang}`;
			out.push({
				id,
				title: g.title[lang],
				body: g.body[lang],
				url: `https://help.supportlens.example/${lang}/articles/${id}`,
				locale: lang,
				updated_at: updatedAt
			});
		}
	}
	return out;
}
