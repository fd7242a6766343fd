/** Input, output and state names, in one place, as in action.yml. */
export const Input = {
  chart: 'chart',
  ref: 'ref',
  username: 'username',
  password: 'password',
  push: 'push',
  cache: 'cache',
  plainHttp: 'plain-http',
  logout: 'logout',
  ifExists: 'if-exists',
  retries: 'retries',
  timeout: 'timeout',
  caFile: 'ca-file',
  insecureSkipTlsVerify: 'insecure-skip-tls-verify',
  version: 'version',
  appVersion: 'app-version',
  annotations: 'annotations',
  layerMediaType: 'layer-media-type',
  signKey: 'sign-key',
  signPassphrase: 'sign-passphrase',
  signKeyName: 'sign-key-name',
  artifacthubRepo: 'artifacthub-repo',
  artifacthubLint: 'artifacthub-lint',
  signKeyUrl: 'sign-key-url',
} as const;

export const Output = {
  ref: 'ref',
  repository: 'repository',
  digest: 'digest',
  digestRef: 'digest-ref',
  chartDigest: 'chart-digest',
  size: 'size',
  name: 'name',
  version: 'version',
  status: 'status',
  signed: 'signed',
  signFingerprint: 'sign-fingerprint',
  charts: 'charts',
  artifacthubDigest: 'artifacthub-digest',
} as const;

export const State = {
  isPost: 'isPost',
  logins: 'logins',
} as const;
