import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { readInputs } from '../../src/action/inputs.js';

// sign-key-url is written into the packaged Chart.yaml (artifacthub.io/signKey). Helm reads Chart.yaml
// as YAML 1.1 (sigs.k8s.io/yaml), where NEL (U+0085) is a line break: a URL holding it reads back as
// another value there (one NEL folds to a space, two make a new line) than the one in the pushed
// config, though JavaScript's \s does not count it as a space. A URL is printable ASCII (anything else
// percent-encoded): nothing else gets into the annotation.

const set = (inputs: Record<string, string>) => {
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
  for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v;
};
afterEach(() => set({}));
const base = { chart: 'charts/app', ref: 'oci://ghcr.io/o/charts', 'sign-key': '-----BEGIN PGP PRIVATE KEY BLOCK-----\nx\n' };

for (const [why, url] of [
  ['two NELs (Helm reads a new line into the annotation)', 'https://keys.example.com/a\u0085\u0085version:9.9.9'],
  ['one NEL (Helm reads a space)', 'https://keys.example.com/a\u0085b'],
  ['an escape character (terminal control)', 'https://keys.example.com/\u001b[2Jkey.asc'],
  ['a DEL', 'https://keys.example.com/key\u007f.asc'],
  ['a non-ASCII letter (percent-encode it)', 'https://keys.example.com/clé.asc'],
] as const) {
  test(`sign-key-url holding ${why} is refused`, () => {
    set({ ...base, 'sign-key-url': url });
    assert.throws(() => readInputs(), /sign-key-url must be an http\(s\) URL/);
  });
}

test('sign-key-url: a plain URL with a query and percent-encoding is taken as it is', () => {
  set({ ...base, 'sign-key-url': 'https://keys.example.com/cl%C3%A9.asc?v=1#k' });
  assert.equal(readInputs().signKeyUrl, 'https://keys.example.com/cl%C3%A9.asc?v=1#k');
});
