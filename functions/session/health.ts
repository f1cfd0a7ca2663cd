import { publicRoute } from '../http/route.ts';
import { ok } from '../http/responses.ts';

export const handler = publicRoute(async () => ok({ status: 'ok' }));
