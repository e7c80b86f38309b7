// The dashboard process's last line of defence: an error nothing caught (a rejected promise
// no one awaited, a throw in a timer) is logged and the server keeps serving everyone else,
// instead of Node ending the process. Only a failure to listen still exits: without the port
// there is nothing to keep serving.

let installed = false;

function describe(error: unknown): string {
	return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

export function installProcessGuard(log: (line: string) => void = (line) => console.error(line)): void {
	if (installed) return;
	installed = true;
	process.on('unhandledRejection', (reason) => {
		log(`supportlens: unhandled rejection, still serving: ${describe(reason)}`);
	});
	process.on('uncaughtException', (error) => {
		log(`supportlens: uncaught exception, still serving: ${describe(error)}`);
		if ((error as NodeJS.ErrnoException).syscall === 'listen') process.exit(1);
	});
}
