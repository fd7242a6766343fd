import assert from 'node:assert/strict';
import { test } from 'node:test';
import { duplicateJsonKey } from '../../src/util/json-duplicates.js';

test('a key twice in any object is named by its path; JSON without one, and keys in strings, are not', () => {
  assert.equal(duplicateJsonKey('{"a":1,"b":{"c":[1,{"d":2}]}}'), undefined);
  assert.equal(duplicateJsonKey('{"annotations":{"x":"1"},"schemaVersion":2,"annotations":{}}'), 'annotations');
  assert.equal(duplicateJsonKey('{"layers":[{"mediaType":"a","digest":"d","mediaType":"b"}]}'), 'layers[0].mediaType');
  assert.equal(duplicateJsonKey('{"layers":[{},{"a":1,"a":2}]}'), 'layers[1].a');
  assert.equal(duplicateJsonKey('{"a":"\\"a\\":1","b":"{\\"a\\""}'), undefined);
  assert.equal(duplicateJsonKey('{"\\u0061":1,"a":2}'), 'a', 'an escaped key is the key it spells');
  assert.equal(duplicateJsonKey('[{"a":1},{"a":1}]'), undefined, 'the same key in two objects is no duplicate');
});
