import { describe, expect, it } from 'vitest';
import { envelopeVendor, unwrapEnvelope } from './streamEnvelope';

describe('unwrapEnvelope', () => {
	it('unwraps Airbyte record lines, Airbyte protocol messages and Singer records; skips control messages', () => {
		expect(unwrapEnvelope({ stream: 'tickets', data: { id: 1 }, emitted_at: 1 })).toEqual({
			kind: 'record',
			stream: 'tickets',
			data: { id: 1 }
		});
		expect(unwrapEnvelope({ type: 'RECORD', record: { stream: 'users', data: { id: 2 }, emitted_at: 1 } })).toEqual({
			kind: 'record',
			stream: 'users',
			data: { id: 2 }
		});
		expect(unwrapEnvelope({ type: 'RECORD', stream: 'groups', record: { id: 3 }, time_extracted: 'x' })).toEqual({
			kind: 'record',
			stream: 'groups',
			data: { id: 3 }
		});
		expect(unwrapEnvelope({ type: 'STATE', value: {} })).toEqual({ kind: 'control' });
		expect(unwrapEnvelope({ type: 'SCHEMA', stream: 'tickets', schema: {}, key_properties: ['id'] })).toEqual({ kind: 'control' });
	});
	it('leaves vendor objects alone, even those with a type or a stream-like key', () => {
		expect(unwrapEnvelope({ type: 'conversation', id: '1' })).toBeUndefined();
		expect(unwrapEnvelope({ id: 1, subject: 'x', status: 'open' })).toBeUndefined();
		expect(unwrapEnvelope([1])).toBeUndefined();
	});
});

describe('envelopeVendor', () => {
	const line = (stream: string, data: object) => JSON.stringify({ stream, data, emitted_at: 1 });
	it('tells the connector from its stream names and objects, also when streams are shared', () => {
		expect(envelopeVendor([line('tickets', { id: 1.0, via: { channel: 'web' } }), line('ticket_audits', { id: 2 }), ''].join('\n'))).toBe(
			'zendesk'
		);
		expect(
			envelopeVendor([line('activity_logs', { id: 'a' }), line('conversations', { type: 'conversation', id: '1' }), ''].join('\n'))
		).toBe('intercom');
		expect(
			envelopeVendor([line('tickets', { id: 1, responder_id: 2, fr_escalated: false }), line('agents', { id: 3 }), ''].join('\n'))
		).toBe('freshdesk');
		const singer = [
			JSON.stringify({ type: 'SCHEMA', stream: 'tickets', schema: {} }),
			JSON.stringify({ type: 'RECORD', stream: 'tickets', record: { id: 8, via: { channel: 'email' } } }),
			''
		].join('\n');
		expect(envelopeVendor(singer)).toBe('zendesk');
	});
	it('says nothing for files that are not envelopes, or whose vendor cannot be told', () => {
		expect(envelopeVendor('{"tickets":[{"id":1}]}\n')).toBeUndefined();
		expect(envelopeVendor(line('unknown_stream', { id: 1 }) + '\n')).toBeUndefined();
		expect(envelopeVendor('id,created_at\n1,2\n')).toBeUndefined();
	});
});
