import type { AnyTool } from '../_tool.js';
import { capacityTool } from './capacity.js';
import { designTool } from './design.js';
import { diagnoseTool } from './diagnose.js';
import { migrateTool } from './migrate.js';
import { reviewTool } from './review.js';
import { scaleTool } from './scale.js';
import { verifyTool } from './verify.js';

/** Every MCP tool, in the order of the architect's protocol. */
export const TOOLS: readonly AnyTool[] = [capacityTool, designTool, verifyTool, reviewTool, scaleTool, migrateTool, diagnoseTool];
