// Every CLI command, in the order `help` lists them. Add a command here and nowhere else.
import type { Command } from '../command';
import { clusterCommand } from './cluster';
import { demoCommand } from './demo';
import { exportCommand } from './export';
import { digestCommand } from './digest';
import { gapsCommand } from './gaps';
import { generateCommand } from './generate';
import { agreementCommand } from './agreement';
import { alertsCommand } from './alerts';
import { gradeCommand } from './grade';
import { ingestCommand } from './ingest';
import { kpisCommand } from './kpis';
import { statsCommand } from './stats';
import { syncCommand } from './sync';
import { usersCommand } from './users';

export const COMMANDS: Command[] = [
	ingestCommand,
	syncCommand,
	statsCommand,
	kpisCommand,
	exportCommand,
	demoCommand,
	generateCommand,
	usersCommand,
	gradeCommand,
	agreementCommand,
	gapsCommand,
	clusterCommand,
	alertsCommand,
	digestCommand
];
