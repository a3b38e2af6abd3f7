/**
 * `npm run docs:url-params`: writes docs/url-parameters.md from the field table
 * (core/fields/urlParamsDoc.ts), from the repository root.
 */
import { writeFileSync } from 'node:fs';
import { URL_PARAMS_DOC, urlParametersDoc } from '../core/fields/urlParamsDoc';

writeFileSync(URL_PARAMS_DOC, urlParametersDoc());
process.stdout.write(`wrote ${URL_PARAMS_DOC}\n`);
