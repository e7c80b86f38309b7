// Every schema migration, in the order applied. Number ranges per part keep parallel work
// from colliding: 001-009 core, 010-019 KPI facts, 020-029 dashboard/users,
// 030-039 gap miner, 040-049 grader, 060-069 alerts and digest.
import core from './001_core';
import conversationFacts from './010_conversation_facts';
import auth from './020_auth';
import gaps from './030_gaps';
import grades from './040_grades';
import digest from './060_digest';

export interface Migration {
	version: number;
	name: string;
	sql: string;
}

export const MIGRATIONS: Migration[] = [core, conversationFacts, auth, gaps, grades, digest].sort((a, b) => a.version - b.version);
