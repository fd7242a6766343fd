// @actions/core imports @actions/http-client (with its own undici and tunnel, 1 MB of the bundle and
// ~20 ms of every start) for one purpose: asking the runner for an OIDC token (core.getIDToken). The
// build maps the package to this module (src/tsconfig.json, `paths`), which loads the real client the
// first time a request is made, so a publish that never asks for a token never loads it. Nothing else
// changes: the same constructor arguments reach the real HttpClient, and its answer is returned as is.
import type { HttpClient as RealHttpClient } from '../../node_modules/@actions/http-client/lib/index.js';

type Real = typeof import('../../node_modules/@actions/http-client/lib/index.js');

let loading: Promise<Real> | undefined;
/** The real @actions/http-client, loaded once (a relative path, so that the build's mapping does not catch it). */
const loadRealHttpClient = (): Promise<Real> => (loading ??= import('../../node_modules/@actions/http-client/lib/index.js'));

/** @actions/http-client's HttpClient, created when first used. */
export class HttpClient {
  readonly #args: ConstructorParameters<typeof RealHttpClient>;
  #real: Promise<RealHttpClient> | undefined;

  constructor(...args: ConstructorParameters<typeof RealHttpClient>) {
    this.#args = args;
  }

  #client(): Promise<RealHttpClient> {
    return (this.#real ??= loadRealHttpClient().then((m) => new m.HttpClient(...this.#args)));
  }

  async getJson<T>(
    ...args: Parameters<RealHttpClient['getJson']>
  ): Promise<Awaited<ReturnType<RealHttpClient['getJson']>> & { result: T | null }> {
    return (await this.#client()).getJson<T>(...args);
  }
}
