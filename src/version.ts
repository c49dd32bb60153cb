import { readFileSync } from 'node:fs';

/** shenbao's version, from the package.json one level above this module (src/ or dist/). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
