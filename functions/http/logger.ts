import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one logger. Requests log through a child carrying `tenant` and `requestId`; nothing personal (no names,
 * no case contents) is ever passed to it — only ids, codes and counts.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'sanad' });
