// Every schema migration, in the order applied. Number ranges per part keep parallel work
// from colliding: 001-009 core, 010-019 KPI facts, 020-029 dashboard/users,
// 030-039 gap miner, 040-049 grader, 050-054 vendor API sync,
// 060-069 alerts and digest.
import core from './001_core';
import importRunStatus from './002_import_run_status';
import partialHistory from './005_partial_history_and_ratings';
import conversationFacts from './010_conversation_facts';
import kpiRollup from './011_kpi_rollup';
import reviewEvents from './015_review_events';
import auth from './020_auth';
import userStatusAudit from './021_user_status_audit';
import gaps from './030_gaps';
import gapEvidence from './031_gap_evidence';
import grades from './040_grades';
import syncState from './050_sync_state';
import digest from './060_digest';

export interface Migration {
	version: number;
	name: string;
	sql: string;
}

export const MIGRATIONS: Migration[] = [
	core,
	importRunStatus,
	partialHistory,
	conversationFacts,
	kpiRollup,
	reviewEvents,
	auth,
	userStatusAudit,
	gaps,
	gapEvidence,
	grades,
	syncState,
	digest
].sort((a, b) => a.version - b.version);
