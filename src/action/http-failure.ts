import { BodyTooLarge } from '../oci/http.js';
import { isDeadline } from '../oci/retry.js';
import { causes, errorCodes } from '../util/causes.js';
import { printableLine } from '../util/printable.js';

/**
 * Why an HTTP exchange with a GitHub service failed, in words that quote nothing of the request
 * (its tokens): `no answer in time`, `an answer larger than N bytes`, or `the connection failed (CODE)`.
 */
export function exchangeFailure(err: unknown): string {
  const all = causes(err);
  if (all.some(isDeadline)) return 'no answer in time';
  const tooLarge = all.find((e) => e instanceof BodyTooLarge);
  if (tooLarge) return `an answer larger than ${tooLarge.limit} bytes`;
  const code = errorCodes(err).find((c) => c !== 'ABORT_ERR');
  return code ? `the connection failed (${printableLine(code).slice(0, 40)})` : 'the connection failed';
}
