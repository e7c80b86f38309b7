// Every import format, in detection order: the most specific first, CSV (the most
// permissive) last.
import type { FormatAdapter, FormatName } from '../types';
import { canonicalAdapter } from './canonical';
import { csvAdapter } from './csv';
import { freshdeskAdapter } from './freshdesk';
import { helpscoutAdapter } from './helpscout';
import { intercomAdapter } from './intercom';
import { zendeskAdapter } from './zendesk';

export const ADAPTERS: FormatAdapter[] = [
	freshdeskAdapter,
	helpscoutAdapter,
	zendeskAdapter,
	intercomAdapter,
	canonicalAdapter,
	csvAdapter
];

export function adapterFor(format: FormatName): FormatAdapter | undefined {
	return ADAPTERS.find((a) => a.format === format);
}
