import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readChartArchive } from '../../src/chart/load-archive.js';
import { TarReader, type TarHeader } from '../../src/chart/tar-reader.js';
import { writeTar } from '../../src/chart/tar-writer.js';
import { entry, header, pad, paxRecords, tar, tgz } from '../helpers/crafted-tar.js';

const CY = 'apiVersion: v2\nname: c\nversion: 1.0.0\n';

/** Every entry the reader hands on, fed `step` bytes at a time. */
function read(bytes: Buffer, step = bytes.length): Array<TarHeader & { data?: string }> {
  const out: Array<TarHeader & { data?: string }> = [];
  const r = new TarReader((h) => {
    const e: TarHeader & { data?: string } = { ...h };
    out.push(e);
    return h.type === 'File' ? (d) => (e.data = d.toString()) : undefined;
  });
  for (let i = 0; i < bytes.length; i += step) r.write(bytes.subarray(i, i + step));
  r.end();
  return out;
}

test('reads what Go reads: USTAR with prefix, GNU (prefix unused), v7, long names, PAX path and size, base-256, signed checksums, folders', () => {
  const long = `c/${'d'.repeat(150)}/f.yaml`;
  const base256 = Buffer.alloc(12);
  base256[0] = 0x80;
  base256.writeUInt32BE(3, 8);
  const highByte = 'c/\u00e9.yaml';
  const bytes = tar(
    entry('c/', '', { type: '5', mode: 0o755 }),
    entry('Chart.yaml', CY, { prefix: 'c' }),
    entry('c/gnu.yaml', 'gnu', { format: 'gnu', prefix: 'ignored' }),
    entry('c/v7.yaml', 'v7', { format: 'v7', prefix: 'ignored' }),
    entry('c/long-trimmed', 'long', { longName: long, format: 'gnu' }),
    entry('c/pax-header-name', 'pax', { pax: { path: 'c/pax.yaml', mtime: '1.5', comment: 'x' } }),
    entry('c/sized', 'sized!', { pax: { size: '6' } }),
    entry('c/b256', 'abc', { sizeField: base256 }),
    entry(highByte, 'signed', { signedChecksum: true }),
    entry('c/plain', 'reg', { type: '\0', mode: 0o100644 }),
  );
  const want = [
    { name: 'c/', type: 'Directory', size: 0 },
    { name: 'c/Chart.yaml', type: 'File', size: CY.length, data: CY },
    { name: 'c/gnu.yaml', type: 'File', size: 3, data: 'gnu' },
    { name: 'c/v7.yaml', type: 'File', size: 2, data: 'v7' },
    { name: long, type: 'File', size: 4, data: 'long' },
    { name: 'c/pax.yaml', type: 'File', size: 3, data: 'pax' },
    { name: 'c/sized', type: 'File', size: 6, data: 'sized!' },
    { name: 'c/b256', type: 'File', size: 3, data: 'abc' },
    { name: highByte, type: 'File', size: 6, data: 'signed' },
    { name: 'c/plain', type: 'File', size: 3, data: 'reg' },
  ];
  assert.deepEqual(read(bytes), want);
  // The same however the input is cut.
  for (const step of [1, 7, 511, 513, 4096]) assert.deepEqual(read(bytes, step), want, `step ${step}`);
});

test("the archives of chartlift's writer read back byte for byte, PAX names included", () => {
  const entries = [
    { name: 'c/Chart.yaml', data: Buffer.from(CY) },
    { name: `c/${'x'.repeat(120)}/${'y'.repeat(90)}.yaml`, data: Buffer.alloc(1000, 1) },
    { name: `c/${'z'.repeat(300)}.yaml`, data: Buffer.alloc(0) },
    { name: 'c/ünï.yaml', data: Buffer.from('u') },
  ];
  const got = read(writeTar(entries, 0), 100);
  assert.deepEqual(
    got.map((e) => [e.name, e.data]),
    entries.map((e) => [e.name, e.data.toString()]),
  );
});

const refusals: Array<[string, Buffer, RegExp]> = [
  [
    "a regular entry whose name ends in '/' (node-tar: a folder, then the entry inside; Go: a file)",
    tgz(entry('c/Chart.yaml', CY), header('c/templates/_zz.tpl/', 1024), entry('c/templates/_helpers.tpl', 'x'.repeat(10))),
    /^entry "c\/templates\/_zz\.tpl\/" is a regular entry whose name ends in '\/', which Helm reads differently: refused/,
  ],
  [
    'a GNU sparse 1.0 PAX entry (Go renames it to GNU.sparse.name)',
    tgz(
      entry('c/Chart.yaml', CY),
      entry('c/README.md', 'x', {
        pax: { 'GNU.sparse.major': '1', 'GNU.sparse.minor': '0', 'GNU.sparse.name': 'c/Chart.yaml', 'GNU.sparse.realsize': '1' },
      }),
    ),
    /entry "c\/README\.md" is a GNU sparse \(PAX\) entry, which Helm reads differently: refused/,
  ],
  [
    'a GNU sparse 0.1 PAX entry',
    tgz(
      entry('c/Chart.yaml', CY),
      entry('c/np.yaml', 'x', {
        pax: {
          'GNU.sparse.major': '0',
          'GNU.sparse.minor': '1',
          'GNU.sparse.name': 'c/_np.tpl',
          'GNU.sparse.numblocks': '1',
          'GNU.sparse.map': '0,1',
          'GNU.sparse.size': '1',
        },
      }),
    ),
    /entry "c\/np\.yaml" is a GNU sparse \(PAX\) entry/,
  ],
  [
    'an old GNU sparse entry (S)',
    tgz(entry('c/Chart.yaml', CY), entry('c/s', 'x', { type: 'S', format: 'gnu' })),
    /entry "c\/s" is a GNU sparse entry/,
  ],
  [
    'a GNU long name and a PAX path for one entry (node-tar: the later; Go: the long name)',
    tgz(entry('c/whatever', CY, { longName: 'c/Chart.yaml', pax: { path: 'c/README.md' } })),
    /entry "c\/Chart\.yaml" is a GNU long-name entry also named by a PAX path, which Helm reads differently: refused/,
  ],
  [
    'a regular entry whose mode has the folder bit (Go: IsDir, Helm skips it)',
    tgz(entry('c/Chart.yaml', CY), entry('c/templates/np.yaml', 'kind: NetworkPolicy', { mode: 0o40644 })),
    /entry "c\/templates\/np\.yaml" is a regular entry whose mode \(040644\) says another kind of file, which Helm reads differently: refused/,
  ],
  ['a symlink mode on a regular entry', tgz(entry('c/Chart.yaml', CY, { mode: 0o120777 })), /mode \(0120777\) says another kind of file/],
  ['a contiguous file (7)', tgz(entry('c/Chart.yaml', CY, { type: '7' })), /entry "c\/Chart\.yaml" is a contiguous file entry/],
  ['a GNU long link name (K)', tgz(entry('c/K', 'x', { type: 'K', format: 'gnu' })), /is a GNU long link name entry/],
  [
    'an unknown PAX key',
    tgz(entry('c/Chart.yaml', CY, { pax: { 'SCHILY.xattr.a': 'b' } })),
    /is an entry with a PAX "SCHILY\.xattr\.a" record/,
  ],
  [
    'a global header that is not PAX records',
    tgz(entry('c/g', 'path=c/x', { type: 'g' }), entry('c/Chart.yaml', CY)),
    /is not a valid tar archive: a PAX record/,
  ],
  [
    'a global header with a path',
    tgz(
      header('pax_global_header', paxRecords({ path: 'c/x' }).length, { type: 'g' }),
      pad(paxRecords({ path: 'c/x' })),
      entry('c/Chart.yaml', CY),
    ),
    /entry "pax_global_header" is a PAX global header with a "path" record/,
  ],
  [
    'a folder entry with data',
    tgz(entry('c/d/', 'x'.repeat(600), { type: '5' }), entry('c/Chart.yaml', CY)),
    /entry "c\/d\/" is a folder entry with data/,
  ],
  ['a STAR header', tgz(entry('c/Chart.yaml', CY, { format: 'star' })), /STAR format/],
  [
    'two PAX headers for one entry',
    tgz(Buffer.concat([entry('c/x', '', { pax: { path: 'c/a' } }).subarray(0, 1024), entry('c/Chart.yaml', CY, { pax: { path: 'c/b' } })])),
    /a second PAX header for one entry/,
  ],
  [
    'a wrong checksum',
    gzipSync(Buffer.concat([Buffer.from(tar(entry('c/Chart.yaml', CY))).fill(0x31, 200, 201)])),
    /is not a valid tar archive: the header at byte 0 has a wrong checksum/,
  ],
  [
    'a zero block and then a header',
    gzipSync(Buffer.concat([Buffer.alloc(512), tar(entry('c/Chart.yaml', CY))])),
    /a zero block is followed by a header at byte 512/,
  ],
  [
    'an archive cut inside an entry',
    gzipSync(entry('c/Chart.yaml', CY).subarray(0, 520)),
    /is not a valid tar archive: it ends inside an entry/,
  ],
  [
    'a PAX header with no entry after it',
    gzipSync(tar(entry('c/x', '', { pax: { path: 'c/a' } }).subarray(0, 1024))),
    /ends after an extended header/,
  ],
  [
    'a hard link',
    tgz(entry('c/Chart.yaml', '', { type: '1', linkname: 'c/x' })),
    /holds a Link entry \(c\/Chart\.yaml\); charts contain regular files only/,
  ],
];
for (const [what, bytes, says] of refusals) {
  test(`refused: ${what}`, async () => {
    await assert.rejects(readChartArchive(bytes, 'c.tgz'), (err: Error & { where?: string }) => {
      assert.match(err.message, says);
      assert.equal(err.where, 'c.tgz');
      return true;
    });
  });
}

test('an archive without end blocks ends cleanly at an entry boundary, as in Go', async () => {
  const files = await readChartArchive(gzipSync(entry('c/Chart.yaml', CY)), 'c.tgz');
  assert.deepEqual(
    files.map((f) => f.name),
    ['Chart.yaml'],
  );
});
