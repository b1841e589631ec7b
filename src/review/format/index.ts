import type { Formatter } from './_types.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export type { FormatOptions, Formatter } from './_types.js';
export { formatJson, formatSarif, formatText };

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type FormatName = (typeof FORMATS)[number];

export const FORMATTERS: Record<FormatName, Formatter> = { text: formatText, json: formatJson, sarif: formatSarif };
