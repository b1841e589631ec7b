import type { Command } from 'commander';
import { register as capacity } from './capacity.js';
import { register as design } from './design.js';
import { register as diagnose } from './diagnose.js';
import { register as mcp } from './mcp.js';
import { register as migrate } from './migrate.js';
import { register as review } from './review.js';
import { register as scale } from './scale.js';
import { register as verify } from './verify.js';

/**
 * Every command registers its flags here. Command files stay thin: they parse flags and load the
 * library lazily inside their action, so `archie --help` and quick commands start fast.
 */
export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [design, capacity, review, diagnose, scale, verify, migrate, mcp];
