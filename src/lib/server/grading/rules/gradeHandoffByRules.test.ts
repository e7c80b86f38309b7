import { describe, expect, it } from 'vitest';
import { HANDOFF_ELEMENTS } from '../rubric';
import { gradeHandoffByRules } from './gradeHandoffByRules';
import { handoffItem } from '../../../../../tests/helpers/gradingItems';

const LABELLED = `Goal: Customer wants the duplicate renewal charge reversed.
Facts: Two settled charges on the same card for one renewal. Pro plan, vip customer, chat.
Actions taken: Explained the difference between holds and charges; checked the invoice list.
Blocker: Both charges show as Paid; refunds need billing approval.
Next action: Verify the payment records and refund the second charge, then confirm to the customer.`;

const PROSE =
	'The customer wants the duplicate renewal charge reversed. Two settled charges on the same card for one renewal, pro plan. So far: explained holds and checked the invoice list. What blocks it: refunds need billing approval. Please verify the payment records and refund the second charge.';

const GERMAN = `Ziel: Kunde möchte die doppelte Abbuchung zurück.
Fakten: Zwei Abbuchungen am 3.10., Pro-Tarif.
Bisherige Schritte: Rechnungsliste geprüft.
Hindernis: Erstattungen brauchen eine Freigabe von Billing.
Nächster Schritt: Zahlung prüfen und die zweite Abbuchung erstatten.`;

const informed = { customerMessage: 'I’m bringing in our billing team; they’ll reply here within 4 hours.' };

describe('rules grader, hand-offs', () => {
	it.each([
		['labelled English', LABELLED],
		['English prose', PROSE],
		['labelled German', GERMAN]
	])('finds all five elements in a %s note', (_name, note) => {
		const criteria = gradeHandoffByRules(handoffItem(note, informed));
		for (const element of HANDOFF_ELEMENTS) expect(criteria[element].verdict, element).toBe('pass');
		expect(criteria.concise.verdict).toBe('pass');
	});

	it('a vague note misses the elements', () => {
		const criteria = gradeHandoffByRules(handoffItem('Customer has an issue, please check.', informed));
		const failed = HANDOFF_ELEMENTS.filter((e) => criteria[e].verdict === 'fail');
		expect(failed.length).toBeGreaterThanOrEqual(4);
	});

	it('an incomplete note passes the elements it has and fails the rest', () => {
		const criteria = gradeHandoffByRules(
			handoffItem('Goal: Customer needs invoice copies for accounting.\nFacts: Invoices are not visible in the billing page.', informed)
		);
		expect(criteria.has_goal.verdict).toBe('pass');
		expect(criteria.has_facts.verdict).toBe('pass');
		expect(criteria.has_next_action.verdict).toBe('fail');
	});

	it('concise fails a pasted transcript', () => {
		const note =
			'Transcript:\nCustomer: I was charged twice\nBot: Let me check\nCustomer: hello?\nBot: I am checking this for you.\nCustomer: ok waiting';
		expect(gradeHandoffByRules(handoffItem(note, informed)).concise.verdict).toBe('fail');
	});

	it('sentiment_relevant fails mood that changes nothing, passes mood that changes handling', () => {
		expect(gradeHandoffByRules(handoffItem(`${LABELLED}\nCustomer seems a bit upset.`, informed)).sentiment_relevant.verdict).toBe('fail');
		expect(
			gradeHandoffByRules(handoffItem(`${LABELLED}\nCustomer is angry and threatens to cancel: prioritise.`, informed)).sentiment_relevant
				.verdict
		).toBe('pass');
		expect(gradeHandoffByRules(handoffItem(LABELLED, informed)).sentiment_relevant.verdict).toBe('pass');
	});

	it('right_queue compares with the queue that ended up owning the conversation', () => {
		expect(
			gradeHandoffByRules(handoffItem(LABELLED, { ...informed, toQueue: 'accounts', owningQueue: 'billing' })).right_queue.verdict
		).toBe('fail');
		expect(
			gradeHandoffByRules(handoffItem(LABELLED, { ...informed, toQueue: 'billing', owningQueue: 'billing' })).right_queue.verdict
		).toBe('pass');
		expect(gradeHandoffByRules(handoffItem(LABELLED, { ...informed, owningQueue: null })).right_queue.verdict).toBe('n/a');
	});

	it('customer_informed needs who takes over and what happens next, in several languages', () => {
		const verdictFor = (customerMessage: string | null) =>
			gradeHandoffByRules(handoffItem(LABELLED, { customerMessage })).customer_informed.verdict;
		expect(verdictFor(null)).toBe('fail');
		expect(verdictFor('Please wait.')).toBe('fail');
		expect(verdictFor('Te transfiero.')).toBe('fail');
		expect(verdictFor('Ich übergebe an unser Billing-Team; Sie bekommen hier innerhalb von 4 Stunden eine Antwort.')).toBe('pass');
		expect(verdictFor('Je transmets à notre équipe facturation ; réponse ici sous 4 heures.')).toBe('pass');
	});
});
