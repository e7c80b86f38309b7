// Streams a file the server just wrote (e.g. a DuckDB COPY export) to the browser as an
// attachment, chunk by chunk, and deletes it (and its temp folder) once sent or abandoned.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';

export function fileDownloadResponse(file: string, downloadName: string, contentType: string, cleanupDir = path.dirname(file)): Response {
	const remove = () => fs.rm(cleanupDir, { recursive: true, force: true }, () => {});
	const stream = fs.createReadStream(file);
	stream.once('close', remove);
	const safeName = downloadName.replace(/[^A-Za-z0-9._-]+/g, '_') || 'download';
	return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
		headers: {
			'Content-Type': contentType,
			'Content-Length': String(fs.statSync(file).size),
			'Content-Disposition': `attachment; filename="${safeName}"`,
			'Cache-Control': 'private, no-store'
		}
	});
}
