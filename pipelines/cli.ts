// The `supportlens` command line: `npx supportlens <command> [options]` (bin/supportlens.js) or
// `npm run --silent cli -- <command> [options]`.
// Every failure a user can cause ends as one line on stderr and exit code 1 (2 for --strict).
import { announceCliCommand } from '../src/lib/server/cliHolderFile';
import { SupportLensError, WarehouseBusyError } from '../src/lib/server/errors';
import { sweepStaleTempDirs } from '../src/lib/server/ingest/ownedTempDirs';
import { explainBusyWarehouse } from './explainBusyWarehouse';
import { COMMANDS } from './commands';

function help(): string {
	const width = Math.max(...COMMANDS.map((c) => c.name.length));
	return [
		'usage: supportlens <command> [options]   (in a checkout: npx supportlens … or npm run --silent cli -- …)',
		'',
		...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}\n  ${' '.repeat(width)}  ${c.usage}`)
	].join('\n');
}

async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === 'help' || name === '--help' || name === '-h') {
		console.log(help());
		return name ? 0 : 1;
	}
	const command = COMMANDS.find((c) => c.name === name);
	if (!command) {
		console.error(`supportlens: unknown command "${name}"; run \`npm run cli -- help\` for the list`);
		return 1;
	}
	if (rest.includes('--help') || rest.includes('-h')) {
		console.log(`${command.summary}\nusage: ${command.usage}`);
		return 0;
	}
	// Temp folders of imports that were killed (their process is gone) take disk until swept.
	sweepStaleTempDirs();
	// A second command that finds the warehouse locked reads this to say who holds it.
	announceCliCommand(command.name);
	return (await command.run(rest)) ?? 0;
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		if (error instanceof WarehouseBusyError) {
			console.error(`supportlens: ${explainBusyWarehouse(error, process.argv[2])}`);
			process.exitCode = error.exitCode;
		} else if (error instanceof SupportLensError) {
			console.error(`supportlens: ${error.message}`);
			process.exitCode = error.exitCode;
		} else {
			const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
			console.error(`supportlens: unexpected error: ${message}`);
			if (process.env.SUPPORTLENS_DEBUG) console.error(error);
			process.exitCode = 1;
		}
	}
);
