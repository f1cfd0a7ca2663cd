import { publicRoute } from '../http/route.ts';
import { json } from '../http/responses.ts';
import { buildOpenApiDocument } from './document.ts';

let document: unknown;

export const handler = publicRoute(async () => {
  document ??= buildOpenApiDocument();
  return json(200, document);
});
