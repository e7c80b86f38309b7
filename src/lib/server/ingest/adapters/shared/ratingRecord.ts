// A conversation's satisfaction rating as the record the importer stores apart: ratings are
// applied to their conversation in the warehouse, whichever import brings the conversation, so
// the result (and its content hash) is the same either way. The newest rating wins.
import type { AdapterRecord, RecordLocation } from '../../types';
import { newestRecord } from './newestRecord';
import { vendorTime } from './vendorValues';

export interface RatingRecordOptions<R> {
	source: string;
	conversationId: string;
	/** What the vendor calls a conversation, for the record's location: ticket, conversation. */
	noun: string;
	/** When it was rated (or last changed), as the vendor spells it. */
	ratedAt: (rating: R) => unknown;
	/** The canonical CSAT, or undefined when the rating holds no answer (a survey offered, not answered). */
	csat: (rating: R) => unknown;
}

export function ratingRecord<R>(ratings: { v: R; loc: RecordLocation }[], options: RatingRecordOptions<R>): AdapterRecord | undefined {
	const rating = newestRecord(ratings, (r) => vendorTime(options.ratedAt(r.v)));
	const csat = rating && options.csat(rating.v);
	if (!rating || !csat) return undefined;
	const at = vendorTime(options.ratedAt(rating.v));
	return {
		kind: 'rating',
		location: { ...rating.loc, record: `rating of ${options.noun} ${options.conversationId}` },
		source: options.source,
		conversation_id: options.conversationId,
		...(at ? { rated_at: at } : {}),
		csat
	};
}
