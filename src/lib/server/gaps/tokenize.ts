// Text → word tokens, the same way for the lexical embedder and for cluster labels:
// Unicode-aware, case- and accent-folded so "Réinitialiser" and "reinitialiser" meet.

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased, accent-stripped words of two or more characters (digits kept: "429" matters). */
export function tokenize(text: string): string[] {
	const folded = text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase();
	const words = folded.match(WORD) ?? [];
	return words.filter((w) => w.length > 1 || /\d/.test(w));
}

/** Function words of the languages the sample data and typical help desks use. */
export const STOP_WORDS = new Set(
	(
		'a an and are as at be but by can could did do does for from get got has have how i if in into is it its me my no not of on or our please so that the their there this to us was we were what when where which why will with would you your yet ive im dont doesnt cant didnt isnt since just any all also about after again anymore still only one two ' +
		'der die das den dem des ein eine einen einem einer und oder aber ist sind war wir ich sie es er mein meine meinen meinem mir mich uns unser unsere ihr ihre sie nicht kein keine mit von zu zum zur im in auf fur für bei aus wie was wo warum wann kann konnen können bitte noch schon seit nach auch nur dass da hat haben habe bin ja nein man so um an als wenn ' +
		'el la los las un una unos unas y o pero es son fue yo tu mi mis me nos nuestro nuestra de del al en con por para que como donde cuando porque no si se lo le les ya hay he ha su sus este esta esto desde muy mas más os vuestro ' +
		'le la les un une des et ou mais est sont je tu il elle nous vous mon ma mes notre nos votre vos de du au aux en dans avec pour par que qui quoi comment ou où quand pourquoi ne pas plus se sa son ses ce cette ces depuis tres très on ai avez avons suis ete été'
	)
		.split(/\s+/)
		.map((w) => w.normalize('NFKD').replace(/\p{M}+/gu, ''))
);

/**
 * Words that carry no topic: function words, contraction stubs ("don" of "don't") and the
 * greetings and pleas that wrap support messages of every topic. Cluster labels never show
 * them, and the lexical embedder drops them so "hi, quick question" does not pull unrelated
 * questions together (a text made only of them keeps them).
 */
export const FILLER_WORDS = new Set([
	...STOP_WORDS,
	...(
		'too because although don doesn didn isn wasn won couldn shouldn haven hasn aren ve ll re had much many been being am some very really pretty hi hello hey hiya thanks thank thx ty cheers regards best team dear good morning afternoon evening ok okay yes yeah sorry asap urgent quick question help idea anyone tell know need want like id ill youre whats hasnt havent wont couldnt wasnt shouldnt ' +
		'hallo moin servus guten zusammen danke dank vielen voraus gruss grusse lg dringend ziemlich eilig schnelle hilfe brauche frage ' +
		'hola buenas buenos dias tardes equipo gracias antemano saludos favor urgente ayuda alguna idea necesito pregunta ' +
		'bonjour bonsoir salut madame monsieur equipe toute merci avance cordialement urgent assez aide idee besoin question'
	).split(' ')
]);

/** The words that carry a text's topic: its tokens without filler words (all of them when nothing else is left). */
export function contentTokens(text: string): string[] {
	const tokens = tokenize(text);
	const content = tokens.filter((t) => !FILLER_WORDS.has(t));
	return content.length > 0 ? content : tokens;
}
