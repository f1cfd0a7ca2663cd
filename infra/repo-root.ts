import { join } from 'node:path';

/** The repository root: handlers are bundled and the SPA is uploaded from paths under it. */
export const REPO_ROOT = join(import.meta.dirname, '..');
