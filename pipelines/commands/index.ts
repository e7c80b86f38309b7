// Every CLI command, in the order `help` lists them. Add a command here and nowhere else.
import type { Command } from '../command';
import { demoCommand } from './demo';
import { ingestCommand } from './ingest';
import { statsCommand } from './stats';

export const COMMANDS: Command[] = [ingestCommand, statsCommand, demoCommand];
