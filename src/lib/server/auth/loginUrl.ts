// Where a logged-out browser is sent: /login, with the page it asked for as `next`.
export function loginUrl(url: URL): string {
	return url.pathname === '/' ? '/login' : `/login?next=${encodeURIComponent(url.pathname + url.search)}`;
}
