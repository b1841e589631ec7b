/** API contracts rendered from the design: openapi.yaml (OpenAPI 3.1) and asyncapi.yaml (AsyncAPI 3.0). */
export { renderOpenApi, openApiDocument, PUBLICATION, MAX_PAGE_SIZE } from './openapi.js';
export { renderAsyncApi, asyncApiDocument } from './asyncapi.js';
export { toYaml, type YamlValue } from '../_yaml.js';
