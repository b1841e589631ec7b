import { defineDiffRule } from '../../diff/rule.js';

export default defineDiffRule(
  'diff-security-changed',
  'error',
  'Breaking: the authentication an operation requires changed (other scheme, more scopes, auth added).',
  'accept the old credentials alongside the new ones during a migration window',
);
