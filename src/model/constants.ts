/**
 * Closed lists of the requirements model, kept free of the validator so that reading a brief does
 * not load the full model schemas.
 */
export const REGULATIONS = ['GDPR', 'HIPAA', 'PCI-DSS', 'SOC 2', 'CCPA'] as const;
export const CLOUDS = ['aws', 'gcp', 'azure', 'any'] as const;
