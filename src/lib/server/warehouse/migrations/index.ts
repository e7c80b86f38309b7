// Every schema migration, in the order applied. Number ranges per part keep parallel work
// from colliding: 001-009 core, 010-019 KPI facts, 020-029 dashboard/users,
// 030-039 gap miner, 040-049 grader.
import core from './001_core';
import conversationFacts from './010_conversation_facts';
import auth from './020_auth';
import gaps from './030_gaps';
import gapEvidence from './031_gap_evidence';
import grades from './040_grades';

export interface Migration {
	version: number;
	name: string;
	sql: string;
}

export const MIGRATIONS: Migration[] = [core, conversationFacts, auth, gaps, gapEvidence, grades].sort((a, b) => a.version - b.version);
