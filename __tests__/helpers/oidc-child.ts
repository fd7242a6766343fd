// A step's process as the runner runs it, for the masking test: it asks the runner's token service for
// the ID token (ACTIONS_ID_TOKEN_REQUEST_* from the environment), then logs all around it (debug on,
// the claims, the predicate, any error) through the action's own log. The runner consumes
// `::add-mask::` lines; nothing else printed may hold the token.
import { errorLine } from '../../src/errors.js';
import { log } from '../../src/action/log.js';
import { decodeIdTokenClaims, requestIdToken } from '../../src/action/oidc.js';
import { buildProvenancePredicate } from '../../src/action/provenance-predicate.js';

log.info('asking for the ID token');
try {
  const token = await requestIdToken(process.env);
  log.debug(`got an ID token of ${token.length} characters`);
  const claims = decodeIdTokenClaims(token);
  log.info(`claims: ${JSON.stringify(claims)}`);
  log.info(`predicate: ${JSON.stringify(buildProvenancePredicate(process.env, claims))}`);
} catch (err) {
  log.fail(errorLine(err));
  log.debug(err instanceof Error ? (err.stack ?? err.message) : String(err));
}
log.info('done');
