// Draws long-running progress on stderr: one line rewritten in place on a terminal, a plain
// line every few seconds otherwise (CI logs), and always a final line.
export function progressReporter(describe: () => string, everyMs = process.stderr.isTTY ? 250 : 5000) {
	let last = 0;
	return {
		update(force = false) {
			const now = Date.now();
			if (!force && now - last < everyMs) return;
			last = now;
			if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${describe()}`);
			else process.stderr.write(`${describe()}\n`);
		},
		done() {
			if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${describe()}\n`);
			else process.stderr.write(`${describe()}\n`);
		}
	};
}
