import { describe, expect, it } from 'vitest';
import { contentTokens, tokenize } from './tokenize';

describe('contentTokens', () => {
	it('keeps the topic words and drops greetings and pleas in every supported language', () => {
		expect(contentTokens('Hi team, where is my order 4711? This is pretty urgent for us.')).toEqual(['order', '4711']);
		expect(contentTokens('Hallo zusammen, wo ist meine Bestellung 4711? Das ist ziemlich dringend.')).toEqual(['bestellung', '4711']);
		expect(contentTokens('Hola equipo, ¿dónde está mi pedido 4711? Gracias de antemano.')).toEqual(['pedido', '4711']);
		expect(contentTokens('Bonjour à toute l’équipe, où en est ma commande 4711 ? Merci d’avance.')).toEqual(['commande', '4711']);
	});

	it('keeps a text made only of filler words rather than leaving it empty', () => {
		expect(contentTokens('Hallo, danke!')).toEqual(tokenize('Hallo, danke!'));
	});
});
