export class BearerCredentialHandler {
  constructor() {
    throw new Error('Chartlift does not bundle @actions/http-client: OIDC tokens (core.getIDToken) are not available');
  }
}
