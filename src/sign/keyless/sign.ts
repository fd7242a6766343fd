import type { SerializedBundle } from '@sigstore/bundle';
import { UserError } from '../../errors.js';
import { IN_TOTO_PAYLOAD_TYPE, statementPayload, type Statement } from './statement.js';

export type { SerializedBundle };

export interface KeylessSignOptions {
  /** The OIDC identity token (audience `sigstore`), asked for only when Fulcio is about to be called. */
  identityToken: () => Promise<string>;
  /** Fulcio's base URL, e.g. https://fulcio.sigstore.dev. */
  fulcioURL: string;
  /** Rekor's base URL: the signature is entered in this log (a `dsse` entry). */
  rekorURL?: string;
  /** An RFC 3161 timestamp authority's base URL (an instance without Rekor, such as GitHub's own). */
  tsaURL?: string;
  /** Per-request timeout in milliseconds (default 10 000, as actions/attest). */
  timeout?: number;
  /** Retries per request (default 3, as actions/attest; 5xx, 408 and 429 are retried). */
  retry?: number;
}

/** Which service a sigstore-js failure came from, by its error code, for a message naming it. */
const SERVICE_OF_CODE: Record<string, string> = {
  IDENTITY_TOKEN_READ_ERROR: 'the OIDC identity token could not be obtained',
  IDENTITY_TOKEN_PARSE_ERROR: 'the OIDC identity token is not a JWT with a subject',
  CA_CREATE_SIGNING_CERTIFICATE_ERROR: 'Fulcio did not issue a signing certificate',
  TLOG_CREATE_ENTRY_ERROR: 'Rekor did not enter the signature in the transparency log',
  TSA_CREATE_TIMESTAMP_ERROR: 'the timestamp authority did not timestamp the signature',
};

/**
 * Signs an in-toto statement keylessly: an ephemeral key, a Fulcio certificate for the identity
 * token, a DSSE envelope (payload type `application/vnd.in-toto+json`), then a Rekor `dsse` entry
 * and/or an RFC 3161 timestamp. Returns the Sigstore bundle v0.3 as JSON
 * (`application/vnd.dev.sigstore.bundle.v0.3+json`), as actions/attest and cosign 3 make it.
 * sigstore-js is loaded here, on first use, never at start.
 */
export async function signStatement(statement: Statement, options: KeylessSignOptions): Promise<SerializedBundle> {
  if (!options.rekorURL && !options.tsaURL)
    throw new UserError('keyless signing needs a transparency log or a timestamp authority', {
      hint: 'Give a Rekor URL, a timestamp authority URL, or both.',
    });
  const [{ DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness }, { bundleToJSON }] = await Promise.all([
    import('@sigstore/sign'),
    import('@sigstore/bundle'),
  ]);
  const fetchOptions = { timeout: options.timeout ?? 10_000, retry: options.retry ?? 3 };
  const signer = new FulcioSigner({
    fulcioBaseURL: options.fulcioURL,
    identityProvider: { getToken: options.identityToken },
    ...fetchOptions,
  });
  const witnesses = [];
  // A `dsse` entry, as actions/attest and cosign 3 make; an entry already in the log (409) is fetched, as actions/attest does.
  if (options.rekorURL)
    witnesses.push(new RekorWitness({ rekorBaseURL: options.rekorURL, entryType: 'dsse', fetchOnConflict: true, ...fetchOptions }));
  if (options.tsaURL) witnesses.push(new TSAWitness({ tsaBaseURL: options.tsaURL, ...fetchOptions }));
  const builder = new DSSEBundleBuilder({ signer, witnesses });
  try {
    const bundle = await builder.create({ data: statementPayload(statement), type: IN_TOTO_PAYLOAD_TYPE });
    return bundleToJSON(bundle);
  } catch (err) {
    throw signingError(err);
  }
}

/** A sigstore-js failure as one line naming the service and its answer. */
function signingError(err: unknown): UserError {
  const code = (err as { code?: unknown }).code;
  const what = (typeof code === 'string' && SERVICE_OF_CODE[code]) || 'keyless signing failed';
  const detail = err instanceof Error ? err.message : String(err);
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return new UserError(`${what} (${detail}${cause})`, {
    cause: err,
    hint: 'Check the Sigstore URLs and that the workflow may request an OIDC token (permissions: id-token: write).',
  });
}
