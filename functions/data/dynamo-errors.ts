import { DomainError } from '../../shared/errors.ts';

interface AwsLikeError {
  name?: string;
  code?: string;
  message?: string;
  CancellationReasons?: { Code?: string }[];
  $metadata?: { httpStatusCode?: number };
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'TimeoutError', 'RequestTimeout']);
const THROTTLED = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

/** Maps an SDK failure to a domain error: unreachable or throttled → 503, a failed condition → its error. */
export function translateDynamoError(
  error: unknown,
  onCancelled?: (reasons: string[]) => DomainError | undefined,
): unknown {
  if (error instanceof DomainError) return error;
  const aws = (error ?? {}) as AwsLikeError;
  const name = aws.name ?? aws.code ?? '';
  if (name === 'TransactionCanceledException' && onCancelled) {
    const mapped = onCancelled((aws.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None'));
    if (mapped) return mapped;
  }
  if (name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException') {
    return new DomainError('CONFLICT', 'The record changed meanwhile; reload and try again');
  }
  const unreachable = [aws.name, aws.code].some((code) => code !== undefined && UNREACHABLE.has(code));
  if (unreachable || THROTTLED.has(name) || (aws.$metadata?.httpStatusCode ?? 0) >= 500) {
    return new DomainError('UNAVAILABLE', 'The database is unavailable; try again shortly');
  }
  return error;
}

/**
 * DynamoDB's refusal of a Query's ExclusiveStartKey ("The provided starting key is invalid…", "…is outside query
 * boundaries…", "Exclusive Start Key must have same size as table's key schema"): for a Query that carried a
 * client's cursor, that client's mistake (400 at `cursor`), never a 500.
 */
export function isInvalidStartKey(error: unknown): boolean {
  const aws = (error ?? {}) as AwsLikeError;
  const name = aws.name ?? aws.code ?? '';
  return name === 'ValidationException' && /start(ing)?[ _-]?key/i.test(aws.message ?? '');
}
