// The generator's one user-caused failure: the output folder or a file in it can't be written.
import { SupportLensError } from '../../src/lib/server/errors';

export class OutputFolderError extends SupportLensError {
	static from(target: string, error: unknown): OutputFolderError {
		const code = (error as NodeJS.ErrnoException).code;
		const why =
			code === 'EACCES' || code === 'EPERM'
				? 'permission denied'
				: code === 'ENOENT'
					? 'no such folder'
					: code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR'
						? 'a file or folder is in the way'
						: code === 'ENOSPC'
							? 'the disk is full'
							: (code ?? String(error));
		return new OutputFolderError(`cannot write ${target}: ${why}`, { cause: error });
	}
}
