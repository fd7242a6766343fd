import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startGitHubFront, type GitHubFront } from './github-api.js';
import { startSigstore, type SigstoreStandIn } from './sigstore.js';

/**
 * Everything a keyless step talks to, on loopback: the Sigstore stand-in (Fulcio, Rekor, a TSA) and
 * its trusted_root.json in a file, and the GitHub front (the runner's token service, whose tokens the
 * stand-in's Fulcio takes, and the attestations API). `env` and `inputs` are what a runner and a
 * workflow give the step to sign there.
 */
export interface KeylessStandIn {
  sigstore: SigstoreStandIn;
  github: GitHubFront;
  rootFile: string;
  /** A runner's variables for a job with `id-token: write`, on top of `base`. */
  env(base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  /** The step's keyless inputs (signature and attestation) naming the stand-in, with `extra` on top. */
  inputs(extra?: Record<string, string>): Record<string, string>;
  stop(): Promise<void>;
}

export const WORKFLOW = 'octo-org/octo-chart/.github/workflows/release.yml@refs/heads/main';

export async function startKeylessStandIn(dir: string): Promise<KeylessStandIn> {
  const sigstore = await startSigstore();
  const github = await startGitHubFront({ issue: (claims) => sigstore.token(claims) });
  const rootFile = path.join(dir, 'trusted_root.json');
  await writeFile(rootFile, JSON.stringify(sigstore.trustedRoot()));
  return {
    sigstore,
    github,
    rootFile,
    env: (base = {}) => ({
      ...base,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'octo-org/octo-chart',
      GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_WORKFLOW_REF: WORKFLOW,
      ACTIONS_ID_TOKEN_REQUEST_URL: github.tokenUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: github.requestToken,
    }),
    inputs: (extra = {}) => ({
      'keyless-sign': 'true',
      attest: 'true',
      'fulcio-url': sigstore.fulcioURL,
      'rekor-url': sigstore.rekorURL,
      'tsa-url': sigstore.tsaURL,
      'trusted-root': rootFile,
      'github-token': 'ghs_exampletoken0123456789',
      ...extra,
    }),
    stop: async () => {
      await Promise.all([sigstore.stop(), github.close()]);
    },
  };
}
