import { describe, expect, it } from 'vitest';
import { findCommitments } from './findCommitments';

const kinds = (text: string) => findCommitments(text).map((c) => c.kind);

describe('findCommitments: promises are found', () => {
	it.each([
		['I’ve gone ahead and refunded the full $49.00; it will be back on your card within 24 hours.', 'refund'],
		['We will refund the second charge today.', 'refund'],
		['You’ll get a full refund for March.', 'refund'],
		['Your refund has been processed.', 'refund'],
		['I’ve added a $20 credit to your account.', 'credit'],
		['I will waive the late fee.', 'credit'],
		['As an exception I’ll refund your last three months, no questions asked.', 'refund'],
		['I promise it will be fixed by tomorrow.', 'deadline'],
		['I’ll make sure the replacement ships within 2 days.', 'deadline']
	])('en: %s', (text, kind) => {
		expect(kinds(text)).toContain(kind);
	});

	it.each([
		['de', 'Ich habe Ihnen die vollen 49,00 € bereits erstattet; das Geld ist in 24 Stunden auf Ihrer Karte.', 'refund'],
		['de', 'Ausnahmsweise erstatte ich Ihnen die letzten drei Monate, ohne Rückfragen.', 'exception'],
		['de', 'Wir schreiben Ihnen 20 € gut.', 'credit'],
		['es', 'Ya te he reembolsado los 49,00 € completos; en 24 horas los tendrás en tu tarjeta.', 'refund'],
		['es', 'Como excepción te devuelvo los últimos tres meses, sin preguntas.', 'exception'],
		['es', 'Te garantizo que mañana estará resuelto.', 'deadline'],
		['fr', 'Je vous ai remboursé les 49,00 € ; vous les aurez sous 24 heures.', 'refund'],
		['fr', 'À titre exceptionnel, je vous rembourse les trois derniers mois.', 'exception'],
		['fr', 'Je vous accorde un avoir de 20 €.', 'credit']
	])('%s: %s', (_lang, text, kind) => {
		expect(kinds(text)).toContain(kind);
	});

	it('a promise after "but" in a clause that also refuses something else still counts', () => {
		expect(kinds('I can’t fix the app today, but I’ll refund the second charge.')).toEqual(['refund']);
	});
});

describe('findCommitments: tricky negatives are not promises', () => {
	it.each([
		'We can’t offer a refund for annual plans.',
		'Unfortunately I’m not able to refund this charge.',
		'I won’t be able to issue a refund, but our billing team can review it.',
		'If you are eligible, you may request a refund from the billing page.',
		'Our billing team will review your refund request and get back to you.',
		'Would you like me to pass a refund request to billing?',
		'Refunds are handled by the billing team within 5 business days of approval.',
		'Leider können wir Ihnen keine Erstattung anbieten.',
		'Wir prüfen, ob eine Erstattung möglich ist.',
		'Lamentablemente no podemos reembolsar este cargo.',
		'Malheureusement, nous ne pouvons pas vous rembourser.',
		'Je ne peux pas vous garantir une livraison demain.',
		'You can reset your password from the login page.'
	])('%s', (text) => {
		expect(findCommitments(text)).toEqual([]);
	});
});
