import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one logger. Requests log through a child carrying `tenant` and `requestId`; nothing personal (no names,
 * no case contents) is ever passed to it — only ids, codes and counts.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'sanad' });

type Attributes = Record<string, unknown>;

/** A request's log: every line carries the request's keys. */
export interface RequestLog {
  debug(message: string, attributes?: Attributes): void;
  info(message: string, attributes?: Attributes): void;
  warn(message: string, attributes?: Attributes): void;
  error(message: string, attributes?: Attributes): void;
}

/**
 * The request's keys are passed with each line rather than through `createChild`, which builds a new Logger
 * (and a new Console) per request — the largest CPU cost of a request in the benchmark — and rather than
 * `appendKeys` on the shared logger, which concurrent requests on the local server would overwrite.
 */
export function requestLog(keys: Attributes): RequestLog {
  return {
    debug: (message, attributes) => logger.debug(message, { ...keys, ...attributes }),
    info: (message, attributes) => logger.info(message, { ...keys, ...attributes }),
    warn: (message, attributes) => logger.warn(message, { ...keys, ...attributes }),
    error: (message, attributes) => logger.error(message, { ...keys, ...attributes }),
  };
}
