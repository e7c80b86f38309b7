// The client's address as adapter-node reports it: the socket's peer, or behind a reverse
// proxy the header named by ADDRESS_HEADER (for X-Forwarded-For the entry XFF_DEPTH from the
// right). adapter-node throws when that header is missing; here that is `undefined`, so a
// login can answer 400 and an audit row can say "unknown" instead of a 500.

export function clientAddress(event: { getClientAddress: () => string }): string | undefined {
	try {
		return event.getClientAddress() || undefined;
	} catch {
		return undefined;
	}
}

/** Why there is no address: for a 400 to a request that bypassed the proxy. */
export function missingAddressMessage(): string {
	const header = process.env.ADDRESS_HEADER || 'the client address header';
	return `this server takes the client address from the ${header} header (ADDRESS_HEADER), which this request lacks or does not fill to XFF_DEPTH; send it through the reverse proxy`;
}
