// Turns a zod error into the one-line reason stored with a quarantined record.
import type { z } from 'zod';

export function formatIssues(error: z.ZodError, max = 3): string {
	const parts = error.issues.slice(0, max).map((issue) => {
		const path = issue.path.length ? issue.path.join('.') : '(record)';
		return `${path}: ${issue.message}`;
	});
	const more = error.issues.length > max ? ` (+${error.issues.length - max} more)` : '';
	return parts.join('; ') + more;
}
