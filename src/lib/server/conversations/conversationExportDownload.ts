// "Download all" on the conversation list: the export for the list's filter, written by
// DuckDB's COPY to a temp file and streamed from there, so no export is ever held in memory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileDownloadResponse } from '../http/fileDownloadResponse';
import type { WarehouseConnection } from '../warehouse';
import { EXPORT_CONTENT_TYPES, exportConversations, type ExportFormat } from './exportConversations';
import type { ConversationFilter } from './parseConversationFilter';

const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', parquet: 'parquet', jsonl: 'jsonl' };

export async function conversationExportDownload(
	db: WarehouseConnection,
	filter: ConversationFilter,
	format: ExportFormat
): Promise<Response> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'supportlens-export-'));
	const file = path.join(dir, `conversations.${EXTENSIONS[format]}`);
	try {
		await exportConversations(db, filter, format, file);
	} catch (error) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	const stamp = new Date().toISOString().slice(0, 10);
	return fileDownloadResponse(file, `conversations-${stamp}.${EXTENSIONS[format]}`, EXPORT_CONTENT_TYPES[format], dir);
}
