// Reading fields of a vendor's JSON response defensively: a page missing a key is an empty page.
export function field<T>(body: unknown, key: string): T | undefined {
	return body !== null && typeof body === 'object' && !Array.isArray(body)
		? ((body as Record<string, unknown>)[key] as T | undefined)
		: undefined;
}

export function arrayField(body: unknown, key: string): Record<string, unknown>[] {
	const value = field<unknown>(body, key);
	return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}
