import { defineDiffRule } from '../../diff/rule.js';

export default defineDiffRule('diff-non-breaking', 'info', 'A compatible change between the base and the new version (listed for the changelog).');
