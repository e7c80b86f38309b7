// Alert thresholds a deployment tunes without code: a JSON file of AlertSettingsInput named by
// SUPPORTLENS_ALERT_SETTINGS, checked once per change of the file.
import fs from 'node:fs';
import { UsageError } from '../errors';
import { resolveAlertSettings, type AlertSettingsInput } from './alertSettings';

let cached: { file: string; mtimeMs: number; value: AlertSettingsInput } | null = null;

/** {} when the variable is unset; a one-line UsageError naming the file and the bad setting otherwise. */
export function alertSettingsFromEnv(file = process.env.SUPPORTLENS_ALERT_SETTINGS): AlertSettingsInput {
	if (!file) return {};
	let mtimeMs: number;
	try {
		mtimeMs = fs.statSync(file).mtimeMs;
	} catch {
		throw new UsageError(`SUPPORTLENS_ALERT_SETTINGS: cannot read ${file}`);
	}
	if (cached && cached.file === file && cached.mtimeMs === mtimeMs) return cached.value;
	let value: AlertSettingsInput;
	try {
		value = JSON.parse(fs.readFileSync(file, 'utf8'));
		resolveAlertSettings(value);
	} catch (error) {
		throw new UsageError(`SUPPORTLENS_ALERT_SETTINGS ${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
	}
	cached = { file, mtimeMs, value };
	return value;
}
