import { describe, expect, it } from 'vitest';
import { htmlToText } from './htmlToText';

describe('htmlToText', () => {
	it('keeps plain text as is and turns paragraphs and breaks into lines', () => {
		expect(htmlToText('  plain  ')).toBe('plain');
		expect(htmlToText('<p>Goal: refund<br>Facts: two charges</p><p>Next</p>')).toBe('Goal: refund\nFacts: two charges\nNext');
	});
	it('decodes entities, numeric ones too, and leaves unknown or impossible ones alone', () => {
		expect(htmlToText('a &amp; b &lt;c&gt; &#39;d&#39; &#x263A; &bogus; &#99999999;')).toBe("a & b <c> 'd' ☺ &bogus; &#99999999;");
	});
});
