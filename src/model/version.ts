/**
 * design.json's schema version, kept apart from the zod model so that planning a design does not
 * load the validator. Bump it on any breaking change to the model.
 */
export const SCHEMA_VERSION = 1;
