const unsupported = () => {
  throw new Error('Chartlift does not bundle @actions/http-client: OIDC tokens (core.getIDToken) are not available');
};
export class HttpClient {
  constructor() {
    unsupported();
  }
}
export class HttpClientError extends Error {}
