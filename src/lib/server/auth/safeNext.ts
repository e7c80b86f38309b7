// Where to send a browser after login: the `next` it asked for, but only when that resolves
// to a page of this site. Browsers drop tabs and newlines and read `\` as `/` in URLs, so a
// prefix check on the raw text is not enough: parse it as the browser would, against our origin.

/** `next` as a same-origin path (`/path?query#hash`), else `fallback`. */
export function safeNext(next: string | null | undefined, fallback: string, origin: string): string {
	if (!next) return fallback;
	let url: URL;
	try {
		url = new URL(next, origin);
	} catch {
		return fallback;
	}
	if (url.origin !== new URL(origin).origin) return fallback;
	const path = url.pathname + url.search + url.hash;
	// `/.//host` resolves to the path `//host`, which a Location header would read as another host.
	if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
	return path;
}
