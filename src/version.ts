/** The tool version, printed by --version and recorded in design.json's generator field. */
export const VERSION = '0.1.0';
