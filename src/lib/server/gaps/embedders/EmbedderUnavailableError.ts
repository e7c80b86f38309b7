// The transformer model could not be loaded (no folder, no network, broken files, too slow).
import { SupportLensError } from '../../errors';

export class EmbedderUnavailableError extends SupportLensError {}
