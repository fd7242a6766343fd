import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { readInputs } from '../../src/action/inputs.js';

// The inputs as a runner passes them: INPUT_<NAME> variables, dashes kept.
const set = (inputs: Record<string, string>) => {
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
  for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v;
};
afterEach(() => set({}));
const base = { chart: 'charts/*\n# a comment\n\ncharts/extra', ref: 'oci://ghcr.io/o/charts' };

test('defaults, lines without comments, annotations', () => {
  set({ ...base, annotations: 'a=1\nb = x=y\n' });
  const i = readInputs();
  assert.deepEqual(i.charts, ['charts/*', 'charts/extra']);
  assert.deepEqual(i.refs, ['oci://ghcr.io/o/charts']);
  assert.equal(i.push, true);
  assert.equal(i.ifExists, 'fail');
  assert.equal(i.retries, 8);
  assert.equal(i.timeoutSeconds, 60);
  assert.equal(i.logout, true);
  assert.deepEqual(i.annotations, { a: '1', b: 'x=y' });
  assert.equal(i.layerMediaType, 'modern');
});

const refused: Array<[Record<string, string>, RegExp]> = [
  [{ ref: 'x' }, /the `chart` input is required/],
  [{ chart: 'c' }, /the `ref` input is required/],
  [{ ...base, 'if-exists': 'replace' }, /if-exists must be fail, skip or overwrite/],
  [{ ...base, push: 'maybe' }, /the `push` input must be true or false/],
  [{ ...base, retries: '51' }, /the `retries` input must be a whole number from 0 to 50/],
  [{ ...base, timeout: '0' }, /the `timeout` input must be a whole number from 1 to 3600/],
  [{ ...base, annotations: 'novalue' }, /key=value lines/],
  [{ ...base, 'layer-media-type': 'old' }, /layer-media-type must be modern or legacy/],
];
for (const [inputs, message] of refused) {
  test(`refused: ${JSON.stringify(inputs)}`, () => {
    set(inputs);
    assert.throws(() => readInputs(), message);
  });
}
