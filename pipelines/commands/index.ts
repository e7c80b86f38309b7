// Every CLI command, in the order `help` lists them. Add a command here and nowhere else.
import type { Command } from '../command';
import { statsCommand } from './stats';

export const COMMANDS: Command[] = [statsCommand];
