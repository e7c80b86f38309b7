import { describe, expect, it } from 'vitest';
import { safeNext } from './safeNext';

const ORIGIN = 'https://supportlens.example';

describe('safeNext', () => {
	it('keeps same-site paths with their query and hash', () => {
		expect(safeNext('/conversations/canonical/c-1?x=1#e3', '/', ORIGIN)).toBe('/conversations/canonical/c-1?x=1#e3');
		expect(safeNext('/users', '/', ORIGIN)).toBe('/users');
		expect(safeNext(`${ORIGIN}/gaps`, '/', ORIGIN)).toBe('/gaps');
		expect(safeNext('/%2F%2Fevil.example', '/', ORIGIN)).toBe('/%2F%2Fevil.example'); // an encoded slash stays a path
		expect(safeNext('gaps', '/', ORIGIN)).toBe('/gaps');
		// same scheme without slashes is a relative path in a URL parser: it stays on this site
		expect(safeNext('https:evil.example', '/', ORIGIN)).toBe('/evil.example');
	});

	it('sends every way out of the site to the fallback', () => {
		const nasty = [
			'/\t/evil.example',
			'/\n/evil.example',
			'/\r\n/evil.example',
			'\t//evil.example',
			' //evil.example',
			'//evil.example',
			'///evil.example',
			'////evil.example/x',
			'/\\evil.example',
			'\\\\evil.example',
			'\\/evil.example',
			'/\\/evil.example',
			'/./\\evil.example',
			'/.//evil.example',
			'/..//evil.example',
			'https://evil.example/',
			'http://supportlens.example/', // other scheme, other origin
			'https://supportlens.example.evil.example/',
			'https://supportlens.example@evil.example/',
			'HTTPS://EVIL.EXAMPLE',
			'//supportlens.example@evil.example',
			'javascript:alert(1)',
			'JavaScript:alert(document.cookie)',
			' javascript:alert(1)',
			'java\tscript:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'vbscript:msgbox(1)',
			'mailto:someone@evil.example',
			'http://[::1',
			'https://supportlens.example:8443/'
		];
		for (const next of nasty) expect([next, safeNext(next, '/fallback', ORIGIN)]).toEqual([next, '/fallback']);
	});

	it('uses the fallback when there is no next', () => {
		expect(safeNext(null, '/gaps', ORIGIN)).toBe('/gaps');
		expect(safeNext('', '/gaps', ORIGIN)).toBe('/gaps');
	});
});
