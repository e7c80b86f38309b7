// Domain functions on a real DuckDB file, called the way routes call them (a connection in,
// typed errors out): reading a transcript audits it or throws NotFoundError (404) without
// an audit row; a login opens a session the route then puts in its cookie; bad route
// parameters are a UsageError naming the field; a gap update is one too, and an unknown gap a NotFoundError.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/lib/server/audit';
import { attemptLogin } from '../../src/lib/server/auth/attemptLogin';
import { createUser, findSession } from '../../src/lib/server/auth';
import { conversationParams } from '../../src/lib/server/conversations/conversationParams';
import { loadConversation } from '../../src/lib/server/conversations/loadConversation';
import { NotFoundError, UsageError } from '../../src/lib/server/errors';
import { updateGap } from '../../src/lib/server/gaps';
import { importFiles } from '../../src/lib/server/ingest';
import { Warehouse } from '../../src/lib/server/warehouse';
import { makeTempDir } from '../helpers/tempDir';

const FIXTURE = path.resolve(import.meta.dirname, '../e2e/fixtures/core_conversations.jsonl');
const { dir, cleanup } = makeTempDir();
let warehouse: Warehouse;

beforeAll(async () => {
	warehouse = await Warehouse.open(path.join(dir, 'domain.duckdb'));
	await importFiles(warehouse, [FIXTURE], { origin: 'test' });
});
afterAll(() => {
	warehouse?.close();
	cleanup();
});

const reader = { username: 'mia', address: '10.0.0.7' };

describe('loadConversation', () => {
	it('returns the conversation and writes one audit row saying who, what and how', async () => {
		const conversation = await loadConversation(warehouse.db, reader, { source: 'canonical', id: 'core-1' }, 'api');
		expect(conversation).toMatchObject({ source: 'canonical', id: 'core-1' });
		const rows = (await listAudit(warehouse.db)).filter((r) => r.action === 'transcript_viewed');
		expect(rows).toEqual([expect.objectContaining({ actor: 'mia', target: 'canonical/core-1', detail: 'api', address: '10.0.0.7' })]);
	});

	it('throws a NotFoundError carrying 404 for an unknown conversation, and audits nothing', async () => {
		const before = (await listAudit(warehouse.db)).length;
		const read = loadConversation(warehouse.db, reader, { source: 'canonical', id: 'nope' }, 'page');
		await expect(read).rejects.toThrow(NotFoundError);
		await expect(read).rejects.toMatchObject({ httpStatus: 404, message: 'no conversation nope from canonical' });
		expect((await listAudit(warehouse.db)).length).toBe(before);
	});
});

describe('conversationParams', () => {
	it('is a UsageError (400) naming the parameter at fault', () => {
		expect(conversationParams({ source: 'canonical', id: ' core-1 ' })).toEqual({ source: 'canonical', id: 'core-1' });
		expect(() => conversationParams({ source: ' ', id: 'x' })).toThrow(expect.objectContaining({ httpStatus: 400, field: 'source' }));
		expect(() => conversationParams({ source: 'canonical', id: 'x'.repeat(301) })).toThrow(UsageError);
	});
});

describe('attemptLogin', () => {
	it('opens a session on the connection it is given; wrong passwords open none', async () => {
		const password = await createUser(warehouse.db, 'lena', 'manager');
		const form = (p: string) => {
			const data = new FormData();
			data.set('username', 'lena');
			data.set('password', p);
			return data;
		};
		const wrong = await attemptLogin(warehouse.db, form(password + 'x'), { address: '10.0.0.8' });
		expect(wrong).toMatchObject({ ok: false, status: 401 });
		const right = await attemptLogin(warehouse.db, form(password), { address: '10.0.0.8' });
		if (!right.ok) throw new Error(right.message);
		expect(right.user).toEqual({ username: 'lena', role: 'manager' });
		expect(await findSession(warehouse.db, right.session.token)).toEqual({ username: 'lena', role: 'manager' });
		expect((await listAudit(warehouse.db))[0]).toMatchObject({ action: 'login', actor: 'lena', address: '10.0.0.8' });
	});
});

describe('updateGap', () => {
	it('is a NotFoundError (404) for a gap that does not exist and a UsageError (400) naming the field for a bad update', async () => {
		const missing = updateGap(warehouse.db, 987654, { status: 'triaged' });
		await expect(missing).rejects.toThrow(NotFoundError);
		await expect(missing).rejects.toMatchObject({ httpStatus: 404, message: 'no gap with id 987654' });
		const bad = updateGap(warehouse.db, 987654, { status: 'finished' });
		await expect(bad).rejects.toThrow(UsageError);
		await expect(bad).rejects.toMatchObject({ httpStatus: 400, field: 'status' });
		await expect(updateGap(warehouse.db, 987654, { note: 'x'.repeat(5001) })).rejects.toMatchObject({ httpStatus: 400, field: 'note' });
	});
});
