import { describe, expect, it } from 'vitest';
import { scoreCriteria } from '../rubric';
import { gradeDraftByRules } from './gradeDraftByRules';
import { draftItem } from '../../../../../tests/helpers/gradingItems';

const verdict = (text: string, criterion: string, over = {}) => gradeDraftByRules(draftItem(text, over))[criterion as 'grounded'].verdict;

const GOOD = {
	en: 'Hi Anna,\n\nThe second charge was an authorisation hold and drops off automatically within 3 days. If it is still there on Friday, just reply to this message.\n\nBest, Sam',
	de: 'Hallo Anna,\n\ndie zweite Abbuchung ist nur eine Vormerkung und verschwindet automatisch nach 3 Tagen. Wenn sie am Freitag noch da ist, antworten Sie einfach auf diese Nachricht.\n\nViele Grüße, Sam',
	es: 'Hola Anna:\n\nEl segundo cargo es solo una retención y desaparece sola en 3 días. Si el viernes sigue ahí, responde a este mensaje y lo revisamos.\n\nUn saludo, Sam',
	fr: 'Bonjour Anna,\n\nLe second prélèvement est une simple pré-autorisation qui disparaît toute seule sous 3 jours. S’il est encore là vendredi, répondez simplement à ce message.\n\nCordialement, Sam'
};

describe('rules grader, drafts', () => {
	it.each(Object.entries(GOOD))('a clean %s draft passes everything it can judge, tone is n/a', (lang, text) => {
		const criteria = gradeDraftByRules(
			draftItem(text, { language: lang, kbArticles: [{ id: 'kb-1', title: 'Holds', body: 'Authorisation holds drop off within 3 days.' }] })
		);
		expect(criteria.tone_fit.verdict).toBe('n/a');
		const failed = Object.entries(criteria).filter(([, r]) => r.verdict === 'fail');
		expect(failed).toEqual([]);
		expect(scoreCriteria(criteria)).toBe(100);
	});

	it('no_unauthorized_commitment fails on a refund promise in each language and zeroes the score', () => {
		const texts = {
			en: 'I’ve gone ahead and refunded the full $49.00; it will be back on your card within 24 hours.',
			de: 'Ich habe Ihnen die vollen 49,00 € bereits erstattet; das Geld ist in 24 Stunden auf Ihrer Karte.',
			es: 'Ya te he reembolsado los 49,00 € completos; en 24 horas los tendrás en tu tarjeta.',
			fr: 'Je vous ai remboursé les 49,00 € ; vous les aurez sous 24 heures.'
		};
		for (const [lang, text] of Object.entries(texts)) {
			const criteria = gradeDraftByRules(draftItem(text, { language: lang }));
			expect(criteria.no_unauthorized_commitment.verdict, lang).toBe('fail');
			expect(criteria.no_unauthorized_commitment.reason).toMatch(/promises a refund/);
			expect(scoreCriteria(criteria)).toBe(0);
		}
	});

	it('no_unauthorized_commitment passes a refusal: "we can\'t offer a refund" is not a promise', () => {
		expect(
			verdict('We can’t offer a refund on annual plans, but you can cancel renewal from Settings.', 'no_unauthorized_commitment')
		).toBe('pass');
		expect(verdict('Leider können wir Ihnen keine Erstattung anbieten.', 'no_unauthorized_commitment', { language: 'de' })).toBe('pass');
	});

	it('no_personal_data fails on cards, IBANs and passwords but allows the customer’s own e-mail', () => {
		expect(verdict('For reference, the card on file is 4111 1111 1111 1111, exp 09/28.', 'no_personal_data')).toBe('fail');
		expect(verdict('El reembolso irá al IBAN ES91 2100 0418 4502 0005 1332.', 'no_personal_data', { language: 'es' })).toBe('fail');
		expect(verdict('Votre mot de passe temporaire est Ete2026! pour vous connecter.', 'no_personal_data', { language: 'fr' })).toBe('fail');
		expect(verdict('We sent the link to anna@example.com.', 'no_personal_data', { customerEmails: ['anna@example.com'] })).toBe('pass');
		expect(verdict('We sent the link to boss@example.com.', 'no_personal_data', { customerEmails: ['anna@example.com'] })).toBe('fail');
	});

	it('no_personal_data fails on SSNs and on a password repeated without its keyword, not on a delivery address', () => {
		expect(verdict('Your SSN 219-09-9999 is on file.', 'no_personal_data')).toBe('fail');
		expect(
			verdict('Try logging in with Hunter2!xyz again.', 'no_personal_data', { secrets: [{ kind: 'password', text: 'Hunter2!xyz' }] })
		).toBe('fail');
		expect(verdict('Your order ships to 12 Main Street within 2 days.', 'no_personal_data')).toBe('pass');
	});

	it('clarifying_questions: at most two, counted in German and Spanish', () => {
		expect(
			verdict('Welchen Tarif nutzen Sie? Welches Gerät verwenden Sie? Seit wann passiert das?', 'clarifying_questions', { language: 'de' })
		).toBe('fail');
		expect(verdict('¿Qué plan tienes? ¿Qué dispositivo usas? ¿Desde cuándo pasa?', 'clarifying_questions', { language: 'es' })).toBe(
			'fail'
		);
		expect(verdict('Which plan are you on, and do you have the order number?', 'clarifying_questions')).toBe('pass');
	});

	it('answer_first fails when the draft opens with questions, n/a for a clarifying message', () => {
		expect(verdict('Hi Anna,\n\nWhich plan are you on? The refund page explains the rest.', 'answer_first')).toBe('fail');
		expect(verdict('Bonjour,\n\nQuelle offre utilisez-vous ? Quel appareil ?', 'answer_first', { language: 'fr' })).toBe('fail');
		expect(verdict('Which plan are you on?', 'answer_first', { answerType: 'clarifying' })).toBe('n/a');
	});

	it('length_fit depends on the channel', () => {
		const long = 'Here is how this works in detail. '.repeat(30);
		expect(verdict(long, 'length_fit', { channel: 'chat' })).toBe('fail');
		expect(verdict(long, 'length_fit', { channel: 'email' })).toBe('pass');
		expect(verdict('ok', 'length_fit')).toBe('fail');
	});

	it('language_match fails a reply in the wrong language, n/a when the language is unknown', () => {
		expect(verdict(GOOD.en, 'language_match', { language: 'de' })).toBe('fail');
		expect(verdict(GOOD.fr, 'language_match', { language: 'fr' })).toBe('pass');
		expect(verdict(GOOD.es, 'language_match', { language: null })).toBe('n/a');
		// Unknown conversation language: the customer's own messages decide.
		expect(
			verdict(GOOD.es, 'language_match', {
				language: null,
				context: [{ author: 'customer', body: 'Hola, me cobraron dos veces la suscripción este mes, ¿me podéis ayudar?' }]
			})
		).toBe('pass');
	});

	it('grounded fails a policy figure that the cited article does not hold, n/a without policy claims', () => {
		const kb = [{ id: 'kb-7', title: 'Refund policy', body: 'Refunds are possible within 14 days of purchase.' }];
		expect(verdict('Refunds are possible within 30 days of purchase, reply if you need one.', 'grounded', { kbArticles: kb })).toBe('fail');
		expect(verdict('Refunds are possible within 14 days of purchase, reply if you need one.', 'grounded', { kbArticles: kb })).toBe('pass');
		expect(verdict('Die Rückerstattung ist 30 Tage lang möglich.', 'grounded', { language: 'de' })).toBe('fail');
		expect(verdict('Thanks for waiting, the page works again now.', 'grounded')).toBe('n/a');
	});

	it('next_step passes when the customer is told what to do next, in any of the four languages', () => {
		expect(verdict('The charge is a hold.', 'next_step')).toBe('fail');
		expect(verdict(GOOD.de, 'next_step', { language: 'de' })).toBe('pass');
		expect(verdict(GOOD.es, 'next_step', { language: 'es' })).toBe('pass');
	});
});
