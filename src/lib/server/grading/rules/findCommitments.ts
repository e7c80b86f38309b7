// Finds unauthorised commitments in an AI draft or reply: refunds, credits, exceptions and
// deadlines promised in English, German, Spanish or French. A clause that refuses, hedges or
// defers ("we can't offer a refund", "you may be eligible", "our team will review") is not a
// promise; only the clause holding the match is looked at, so "I can't fix it, but I'll
// refund you" still counts.

export type CommitmentKind = 'refund' | 'credit' | 'exception' | 'deadline';

export interface Commitment {
	kind: CommitmentKind;
	/** The clause that carries the promise. */
	text: string;
}

type Pattern = [CommitmentKind, RegExp];

const TIME = String.raw`(?:today|tonight|tomorrow|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the end of (?:the )?(?:day|week)|eod|noon|\d)|within (?:the next )?(?:\d+|an?|one|two|three|24|48) (?:minutes?|hours?|days?|business days?|working days?|weeks?))`;

const PATTERNS: Pattern[] = [
	// English
	[
		'refund',
		/\b(?:i|we)(?:'|’)?(?:ve| have)? (?:already |just )?(?:gone ahead and )?(?:refunded|reimbursed|issued (?:you )?(?:a |the |your )?(?:full |partial )?refund|processed (?:a |the |your )?(?:full |partial )?refund)/i
	],
	[
		'refund',
		/\b(?:i|we)(?:'|’)?(?:ll| will| am going to| are going to| shall) (?:now |also |gladly |happily )?(?:issue (?:you )?(?:a |the |your )?(?:full |partial )?refund|refund|reimburse|give you (?:a |your )?(?:full )?(?:refund|money back)|send (?:you )?(?:a |your )?refund)/i
	],
	[
		'refund',
		/\byou(?:'|’)?(?:ll| will) (?:get|receive|be getting|have) (?:a |the |your )?(?:full |complete )?(?:refund|money back|reimbursement)/i
	],
	['refund', /\b(?:your |a |the )(?:full )?refund (?:has been|was|is being|will be) (?:issued|processed|approved|sent|initiated)/i],
	[
		'credit',
		/\b(?:i|we)(?:'|’)?(?:ve| have|ll| will)? ?(?:already |just |gone ahead and )?(?:credited|added|applied|apply|add|give you|issue) (?:you |your account )?(?:with )?(?:a |an )?(?:\$?\d+\S* |one |two |free |extra |bonus )*(?:credit|free months?|months? free|voucher|discount|coupon)/i
	],
	['credit', /\b(?:i|we)(?:'|’)?(?:ll| will) (?:waive|cancel|drop) (?:the |your |this )?(?:fee|charge|late fee|invoice)/i],
	[
		'exception',
		/\b(?:as an exception|i(?:'|’)?ll make an exception|we(?:'|’)?ll make an exception|i(?:'|’)?m making an exception|just this once|this one time,? i|no questions asked|free of charge this time)\b/i
	],
	['deadline', new RegExp(String.raw`\b(?:i|we) (?:guarantee|promise|assure you)\b.*\b${TIME}`, 'i')],
	['deadline', new RegExp(String.raw`\b(?:i|we)(?:'|’)?(?:ll| will) (?:make sure|ensure|personally see to it)\b.*\b${TIME}`, 'i')],
	['deadline', new RegExp(String.raw`\b(?:guaranteed|definitely|for sure)\b.*\b${TIME}|\b${TIME}\b.*\b(?:guaranteed|for sure)\b`, 'i')],

	// German
	[
		'refund',
		/\b(?:ich|wir) (?:habe|haben) (?:ihnen |dir )?(?:die |den |das )?(?:vollen |volle |gesamten )?(?:\S+ ){0,3}(?:bereits |schon )?(?:erstattet|zurückerstattet|zurücküberwiesen|rückerstattet)/i
	],
	['refund', /\b(?:ich|wir) (?:erstatte|erstatten|überweise|überweisen) (?:ihnen |dir )?(?:\S+ ){0,4}(?:zurück)?/i],
	['refund', /\b(?:erstatte|erstatten) (?:ich|wir) (?:ihnen|dir)\b/i],
	[
		'refund',
		/\b(?:sie|du) (?:erhalten|bekommen|erhältst|bekommst) (?:eine |die |ihre |Ihr |dein |Ihr )?(?:volle |vollständige )?(?:rückerstattung|erstattung|geld zurück)/i
	],
	['credit', /\b(?:ich|wir) (?:schreibe|schreiben|buche|buchen) (?:ihnen |dir )?(?:\S+ ){0,4}(?:gut|gutschrift)\b/i],
	[
		'credit',
		/\b(?:ich|wir) (?:habe|haben|gebe|geben) (?:ihnen |dir )?(?:eine |einen )?(?:\S+ )?(?:gutschrift|gutschein|rabatt|freimonat)/i
	],
	['exception', /\b(?:ausnahmsweise|als ausnahme|eine ausnahme machen|ohne rückfragen)\b/i],
	['deadline', /\b(?:ich|wir) (?:garantiere|garantieren|verspreche|versprechen)\b.*\b(?:heute|morgen|bis|innerhalb)\b/i],

	// Spanish
	['refund', /\b(?:te|le|les) (?:he|hemos) (?:reembolsado|devuelto|abonado)/i],
	['refund', /\b(?:te|le|les) (?:reembolso|reembolsaré|reembolsaremos|devuelvo|devolveré|devolveremos)\b/i],
	['refund', /\b(?:recibirás|recibirá|vas a recibir|va a recibir) (?:un |el |tu |su )?(?:reembolso|dinero)/i],
	['refund', /\b(?:ya )?(?:he|hemos) (?:procesado|emitido) (?:el |tu |su |un )?reembolso/i],
	[
		'credit',
		/\b(?:te|le) (?:he aplicado|aplico|aplicaré|doy|daré|regalo) (?:un |una )?(?:\S+ )?(?:crédito|descuento|cupón|mes gratis|meses gratis)/i
	],
	['exception', /\b(?:como excepción|de forma excepcional|excepcionalmente|haré una excepción|sin preguntas)\b/i],
	['deadline', /\b(?:te|le) (?:garantizo|prometo|aseguro)\b.*\b(?:hoy|mañana|antes de|en \d+|dentro de)\b/i],

	// French
	['refund', /\b(?:je|nous) vous (?:ai|avons) (?:déjà )?(?:remboursé|rembourse|recrédité)/i],
	['refund', /\b(?:je|nous) vous (?:rembourse|remboursons|rembourserai|rembourserons)\b/i],
	['refund', /\bvous (?:serez|allez être|êtes) (?:intégralement |entièrement )?remboursée?s?\b/i],
	['refund', /\bvous (?:recevrez|allez recevoir) (?:un |le |votre )?(?:remboursement|argent)/i],
	[
		'credit',
		/\b(?:je|nous) vous (?:accorde|accordons|offre|offrons|ai accordé|avons accordé) (?:un |une )?(?:\S+ )?(?:avoir|crédit|remise|réduction|mois gratuits?|geste commercial)/i
	],
	['exception', /(?<!\p{L})(?:à titre exceptionnel|exceptionnellement|je fais une exception|sans poser de questions)(?!\p{L})/iu],
	['deadline', /\b(?:je|nous) vous (?:garantis|garantissons|promets|promettons)\b.*\b(?:aujourd|demain|d'ici|d’ici|sous \d+|avant)\b/i]
];

/** Words that turn a clause into a refusal, a hedge or a deferral to someone who can decide. */
const NOT_A_PROMISE =
	/\b(?:can(?:'|’)?t|cannot|can not|could(?:n't|n’t| not)|unable|won(?:'|’)?t|will not|not able|not possible|no longer|isn(?:'|’)?t|aren(?:'|’)?t|don(?:'|’)?t|doesn(?:'|’)?t|never|unfortunately|if (?:you|your|it|we|eligible|approved)|whether|eligible|may be|might|request a|review|policy allows|once approved|not)\b|\b(?:nicht|kein|keine|keinen|leider|falls|ob|eventuell|möglicherweise|prüfen)\b|\b(?:no|nunca|lamentablemente|si (?:es|eres|cumples)|podría|revisar|revisará)\b|\b(?:ne|n['’]|pas|impossible|malheureusement|si vous êtes|éventuellement|examiner|examinera)\b/i;

/** A question offers or asks; it does not commit ("Would you like us to look into a refund?"). */
const QUESTION = /[?？]\s*$/;

/** Clauses: sentences, further cut at "but"/"aber"/"pero"/"mais" so each side is judged alone. */
export function splitClauses(text: string): string[] {
	return text
		.split(/(?<=[.!?;:\n])\s+|\s*\n\s*|,?\s+\b(?:but|however|aber|jedoch|pero|sin embargo|mais|cependant)\b\s+/i)
		.map((s) => s.trim())
		.filter(Boolean);
}

export function findCommitments(text: string): Commitment[] {
	const found: Commitment[] = [];
	for (const clause of splitClauses(text)) {
		if (QUESTION.test(clause)) continue;
		for (const [kind, pattern] of PATTERNS) {
			const match = pattern.exec(clause);
			if (!match) continue;
			// Look for a refusal or hedge before the match, or shortly after it (French "ne … pas", "no" after a verb).
			const before = clause.slice(0, match.index + match[0].length);
			const around = clause.slice(0, Math.min(clause.length, match.index + match[0].length + 20));
			if (NOT_A_PROMISE.test(before) || NOT_A_PROMISE.test(around)) continue;
			if (!found.some((f) => f.kind === kind && f.text === clause)) found.push({ kind, text: clause });
		}
	}
	return found;
}
