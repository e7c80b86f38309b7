// Runs a bench worker in its own process so its peak RSS is its own, and returns what the
// worker printed as JSON on its last stdout line.
import { spawn } from 'node:child_process';
import path from 'node:path';

const TSX = path.resolve('node_modules/.bin/tsx');

export async function measureChild<T>(script: string, args: string[], log?: (line: string) => void): Promise<T> {
	return new Promise((resolve, reject) => {
		const child = spawn(TSX, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => {
			const text = String(d).trim();
			if (text && log) log(text.split('\n').pop()!);
		});
		child.on('error', reject);
		child.on('exit', (code) => {
			const last = out.trim().split('\n').pop() ?? '';
			if (code !== 0) return reject(new Error(`${path.basename(script)} exited ${code}: ${last}`));
			try {
				resolve(JSON.parse(last) as T);
			} catch {
				reject(new Error(`${path.basename(script)} printed no JSON: ${last.slice(0, 200)}`));
			}
		});
	});
}
