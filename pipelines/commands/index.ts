// Every CLI command, in the order `help` lists them. Add a command here and nowhere else.
import type { Command } from '../command';
import { clusterCommand } from './cluster';
import { demoCommand } from './demo';
import { digestCommand } from './digest';
import { gapsCommand } from './gaps';
import { generateCommand } from './generate';
import { agreementCommand } from './agreement';
import { alertsCommand } from './alerts';
import { gradeCommand } from './grade';
import { ingestCommand } from './ingest';
import { kpisCommand } from './kpis';
import { statsCommand } from './stats';
import { usersCommand } from './users';

export const COMMANDS: Command[] = [ingestCommand, statsCommand, kpisCommand, demoCommand, generateCommand, usersCommand, gradeCommand, agreementCommand, gapsCommand, clusterCommand, alertsCommand, digestCommand];
