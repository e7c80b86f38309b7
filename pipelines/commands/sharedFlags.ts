// Flags several commands take, declared once so they read and fail the same way everywhere:
// the warehouse, a date range with dimension filters, and the grader.
import { UsageError } from '../../src/lib/server/errors';

/** `--db PATH --from YYYY-MM-DD --to YYYY-MM-DD --where dim=value …` (kpis, export). */
export const RANGE_FLAGS = {
	db: { type: 'string' },
	from: { type: 'string' },
	to: { type: 'string' },
	where: { type: 'string', multiple: true }
} as const;

/** `--db PATH --grader rules|llm` (grade, agreement). */
export const GRADER_FLAGS = {
	db: { type: 'string' },
	grader: { type: 'string', default: 'rules' }
} as const;

/** The `--grader` value, checked. */
export function graderFlag(value: string | undefined): 'rules' | 'llm' {
	if (value !== 'rules' && value !== 'llm') throw new UsageError(`unknown --grader "${value}"; use rules or llm`);
	return value;
}
