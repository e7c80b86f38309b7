// The digest's shapes the Users page shows (browser-safe): recipients and the delivery log.
// The server's digest modules (src/lib/server/digest) read and write them.
import type { Role } from '../auth/roles';

export type DeliveryChannel = 'email' | 'webhook';

export interface DeliveryKey {
	week: string;
	channel: DeliveryChannel;
	recipient: string;
}

export interface DeliveryRow extends DeliveryKey {
	role: Role;
	status: 'sending' | 'sent' | 'failed';
	attempts: number;
	last_error: string | null;
	created_at: Date;
	updated_at: Date;
	sent_at: Date | null;
}

export interface DigestRecipient {
	email: string;
	role: Role;
	added_by: string | null;
	created_at: Date;
}
