export const id = 483;
export const ids = [483];
export const modules = {

/***/ 77439:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ releaseNotes),
/* harmony export */   p: () => (/* binding */ markdownText)
/* harmony export */ });
/* harmony import */ var _artifacthub_annotations_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9048);
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41095);
/* harmony import */ var _util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63235);



const CHANGES_ANNOTATION = 'artifacthub.io/changes';
/**
 * A chart version's release notes in Markdown, from its `artifacthub.io/changes` annotation read as
 * Artifact Hub reads it (both forms: a list of strings, a list of {kind, description, links}); undefined
 * when the chart has none, or one Artifact Hub would refuse (the build has said why already).
 *
 * Laid out as Artifact Hub's own changelog.md (setupChangelogMDTmpl in artifacthub/hub
 * internal/handlers/pkg/handlers.go): changes without a kind first, as a plain list, then a `### Kind`
 * heading per kind, here in Artifact Hub's order of kinds (validChangeKinds, internal/pkg/metadata.go:
 * added, changed, deprecated, removed, fixed, security) rather than in the order of first use, each
 * change's links after it. Everything from the chart is written as text: Markdown's punctuation
 * escaped, one line per change, a link only to an http(s) URL.
 */
async function releaseNotes(annotations) {
    const value = annotations[CHANGES_ANNOTATION];
    if (value === undefined)
        return undefined;
    await (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_1__/* .loadYaml */ .yv)();
    const { changes } = (0,_artifacthub_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .parseChanges */ .pS)(value);
    if (!changes || changes.length === 0)
        return undefined;
    const sections = [];
    const unkinded = changes.filter((c) => c.kind === '');
    if (unkinded.length > 0)
        sections.push(unkinded.map(item).join('\n'));
    for (const kind of _artifacthub_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .CHANGE_KINDS */ .tO) {
        const these = changes.filter((c) => c.kind === kind);
        if (these.length > 0)
            sections.push(`### ${kind[0].toUpperCase()}${kind.slice(1)}\n\n${these.map(item).join('\n')}`);
    }
    return `${sections.join('\n\n')}\n`;
}
function item(c) {
    const links = c.links.map(link).filter(Boolean);
    return `- ${text(c.description)}${links.length > 0 ? ` (${links.join(', ')})` : ''}`;
}
/** `[name](url)` for an http(s) URL; the name alone, as text, for anything else (a `javascript:` URL is no link). */
function link(l) {
    let url;
    try {
        url = new URL(l.url.trim());
    }
    catch {
        url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
        return text(l.name);
    // The URL as WHATWG writes it (spaces, quotes and angle brackets percent-encoded), and the parentheses
    // that would end Markdown's link destination.
    const href = url.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
    return `[${text(l.name)}](${href})`;
}
/**
 * Text from the chart, as Markdown that renders it as written: on one line (printable: a line break,
 * a control or a bidi character written as an escape), trimmed (leading blanks would make a list
 * item's text a code block), with what Markdown would read as markup backslash-escaped (CommonMark
 * 0.31, "Backslash escapes": any ASCII punctuation may be): emphasis, code, links and images, raw
 * HTML and entities (`<`, `&`), tables' pipes, GitHub's strikethrough (`~`), math (`$`) and mentions
 * (`@`); and at the start, what would open a heading, a quote, a list or a rule inside the item.
 */
function markdownText(s) {
    return (0,_util_printable_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g)(s)
        .trim()
        .replace(/[\\`*_[\]()<>&|~$@]/g, (c) => `\\${c}`)
        .replace(/^([#>+=-])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2');
}
const text = markdownText;


/***/ }),

/***/ 61713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ parseExpectedDigests),
/* harmony export */   v: () => (/* binding */ checkExpected)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68825);
/* harmony import */ var _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(34282);
/* harmony import */ var _util_quoted_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(59202);





/** Every chart of the run is held to this key's digest. */
const EVERY = '*';
/** A plan is a few hundred bytes a chart: this holds thousands, and refuses a value that would take long to read. */
const PLAN_JSON = { maxBytes: 8 * 1024 * 1024, maxNodes: 500_000, maxDepth: 16 };
/**
 * What a face was given to hold a publication to its plan: a digest (`sha256:\u2026`, the manifest digest
 * the plan built, or the chart's), or the plan's JSON: the matrix (`{"include":[{"chart","digest"},\u2026]}`)
 * or the whole plan (`[{"source","digest"},\u2026]`, an entry without a digest is a chart that failed to
 * plan and is left out). Empty text: held to nothing. The error names what is wrong, for the face to
 * add which setting it was.
 */
function parseExpectedDigests(text) {
    const value = text.trim();
    if (value === '')
        return undefined;
    if (!value.startsWith('{') && !value.startsWith('[')) {
        if (!(0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .isDigest */ .Bc)(value))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`the expected digest ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_4__/* .quoted */ .T)(value)} is neither a digest (sha256: and 64 hex digits) nor a plan's JSON`, {
                hint: "Give the digest the plan built for this chart (its matrix entry's digest), or the plan's matrix or plan JSON",
                code: 'expect-digest',
            });
        return new Map([[EVERY, value]]);
    }
    let parsed;
    try {
        parsed = (0,_util_bounded_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readJson */ .Vh)(value, PLAN_JSON);
    }
    catch (err) {
        if (!(err instanceof SyntaxError) && !(err instanceof _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_3__/* .BoundsError */ .UI))
            throw err;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`the expected digests are not a plan's JSON (${err.message})`, {
            hint: "Give the plan's matrix or plan output as it is, or one digest",
            code: 'expect-digest',
        });
    }
    const entries = Array.isArray(parsed) ? parsed : parsed?.include;
    if (!Array.isArray(entries))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('the expected digests are JSON, but neither a plan (a list of charts) nor its matrix ({"include": [...]})', {
            hint: "Give the plan's matrix or plan output as it is, or one digest",
            code: 'expect-digest',
        });
    const out = new Map();
    entries.forEach((e, i) => {
        const entry = (e ?? {});
        const chart = entry.chart ?? entry.source;
        if (entry.status === 'failed' && !entry.digest)
            return;
        if (typeof chart !== 'string' || chart === '' || !(0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .isDigest */ .Bc)(entry.digest))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`the expected digests' entry ${i} names no chart path and digest (${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_4__/* .quoted */ .T)(JSON.stringify(e)?.slice(0, 200))})`, {
                hint: "Give the plan's matrix or plan output as it is",
                code: 'expect-digest',
            });
        out.set(chartKey(chart), entry.digest);
    });
    return out;
}
/** A chart's path as a key: `charts/web/`, `./charts/web` and `charts/web` are one chart. */
function chartKey(p) {
    return node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.normalize(p.replace(/\\/g, '/')).replace(/\/+$/, '') || '.';
}
/**
 * Refuses, before anything is written, a chart whose build is not the planned one: its manifest
 * digest (or, for a digest given alone, its chart's digest) must be the one expected for its path,
 * else its name, else for every chart. A chart the plan does not name is refused too: it was not planned.
 */
function checkExpected(expected, source, name, artifact) {
    const want = expected.get(chartKey(source)) ?? expected.get(name) ?? expected.get(EVERY);
    const manifest = artifact.manifestDescriptor.digest;
    const chart = artifact.chartDescriptor.digest;
    if (want === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${source} (${name}) is not in the plan it is held to: no digest is expected for it`, {
            hint: 'Publish the charts the plan lists (its matrix entries), or plan again with this chart',
            code: 'expect-digest',
        });
    if (want === manifest || want === chart)
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`this build is ${manifest} (chart ${chart}), not the planned ${want}: the chart is not what was planned, so nothing is published`, {
        where: source,
        hint: 'Plan and publish the same commit with the same inputs (version, annotations, signing key, SOURCE_DATE_EPOCH), or plan again',
    });
}


/***/ }),

/***/ 49390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CH: () => (/* binding */ planChart),
/* harmony export */   T4: () => (/* binding */ planMatrix),
/* harmony export */   _f: () => (/* binding */ planRefusal)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _results_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21539);
/* harmony import */ var _same_chart_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(82047);



/**
 * One chart's plan: for each reference, what the tag holds now against this build, and what a publish
 * would do about it. Nothing is written (no blob, no tag, no cache entry, no signature); the cost is
 * the tag's look-up, and for a tag holding other content the comparison a publish would make (its
 * manifest, and the config and chart it downloads only to name the differences). `vouch`: what a
 * signing publish would require of the registry's copy, so that the plan says what it would say.
 */
async function planChart(source, targets, registries, lookups, ifExists, vouch, log) {
    const results = [];
    for (const built of targets) {
        const { ref } = built;
        const client = await registries.client(ref.registry, log);
        const looked = lookups.get(built.refName);
        lookups.delete(built.refName); // a ref given twice is looked up again the second time
        const current = await (looked ?? client.resolveTag(ref.repository, ref.tag, false));
        const ours = built.artifact.manifestDescriptor.digest;
        const target = planned(built);
        if (current === ours)
            target.status = 'unchanged';
        else if (current === undefined)
            Object.assign(target, { status: 'new', publish: 'push' });
        else {
            const compared = await (0,_same_chart_js__WEBPACK_IMPORTED_MODULE_2__/* .compareWithRegistry */ .L)(client, ref.repository, current, built.artifact, { explain: true, vouch });
            target['registry-digest'] = current;
            if (compared.same)
                Object.assign(target, { status: 'unchanged', from: 'registry' });
            else {
                target.status = 'differs';
                target.differences = compared.why;
                if (compared.chartDigest)
                    target['registry-chart-digest'] = compared.chartDigest;
                target.publish = ifExists === 'fail' ? 'fail' : ifExists === 'skip' ? 'skip' : 'push';
            }
        }
        log(planLine(built.refName, target));
        results.push(target);
    }
    const chart = await (0,_results_js__WEBPACK_IMPORTED_MODULE_1__/* .chartResult */ .Um)(source, targets[0], results);
    // The chart's own status and action: the most telling of its references' (one that differs, else one that is new).
    chart.status = results.some((t) => t.status === 'differs') ? 'differs' : results.some((t) => t.status === 'new') ? 'new' : 'unchanged';
    chart.publish = ['fail', 'push', 'skip'].find((a) => results.some((t) => t.publish === a)) ?? 'none';
    return chart;
}
/** A reference's plan, before the tag is looked at: this build's digests, which a publish would push. */
function planned(built) {
    const outcome = { refName: built.refName, tag: built.ref.tag, status: 'unchanged', artifact: built.artifact, from: 'build' };
    return { ...(0,_results_js__WEBPACK_IMPORTED_MODULE_1__/* .targetResult */ .Dr)(built, outcome), publish: 'none' };
}
/** The log's line for one reference of a plan. */
function planLine(refName, t) {
    switch (t.status) {
        case 'new':
            return `${refName}: new (a publish pushes ${t.digest})`;
        case 'unchanged':
            return t.from === 'registry'
                ? `${refName}: unchanged (the registry holds the same chart: ${t['registry-digest']})`
                : `${refName}: unchanged (the registry holds ${t.digest})`;
        default:
            return `${refName}: differs (it holds ${t['registry-digest']}, this build is ${t.digest}: ${t.differences}); with if-exists ${t.publish === 'fail'
                ? 'fail, a publish fails'
                : t.publish === 'skip'
                    ? 'skip, a publish keeps it'
                    : 'overwrite, a publish replaces it'}`;
    }
}
/**
 * The error a planned chart's publish would fail with (a reference that differs under if-exists fail),
 * worded as the publish words it.
 */
function planRefusal(chart) {
    const failing = chart.targets.filter((t) => t.publish === 'fail');
    if (failing.length === 0)
        return undefined;
    const [t] = failing;
    const theirs = t['registry-chart-digest'] ? ` (chart ${t['registry-chart-digest']})` : '';
    const more = failing.length > 1 ? ` (and ${failing.length - 1} more ref${failing.length > 2 ? 's' : ''})` : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${t.ref} already holds ${t['registry-digest']}${theirs}, and this build is ${t.digest} (chart ${t['chart-digest']}): ${t.differences}${more}`, {
        hint: 'A published version is immutable: bump the chart version, or set if-exists to skip (keep what is there) or overwrite (replace it)',
    });
}
/**
 * The charts a publish would act on, as a CI matrix takes them: those it would push, and those it
 * would refuse (a version published with other content, under if-exists fail: its job fails there,
 * naming the differences, while the other charts publish, as one step publishing them all would).
 * `{"include": [...]}` (GitHub's `strategy.matrix` through `fromJSON`), or `[]` when there are none.
 * GitHub refuses a matrix with no job in it ("Matrix vector \u2026 does not contain any values"), and
 * evaluates a job's `if` before its matrix ("The jobs.<job_id>.if condition is evaluated before
 * jobs.<job_id>.strategy.matrix is applied", docs.github.com: using conditions to control job
 * execution): the job that takes the matrix is skipped with `if: needs.<plan>.outputs.matrix != '[]'`,
 * a string compared as it is written.
 */
function planMatrix(results) {
    const include = results
        .filter((r) => r.status !== 'failed' && (r.publish === 'push' || r.publish === 'fail'))
        .map((r) => ({ chart: r.source, name: r.name, version: r.version, digest: r.digest }));
    return include.length > 0 ? { include } : [];
}


/***/ }),

/***/ 76483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V: () => (/* binding */ publishCharts)
});

// UNUSED EXPORTS: CONCURRENCY

// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(62148);
;// CONCATENATED MODULE: ./src/util/concurrency.ts
/** Runs `fn` over `items` with at most `limit` at once; results in the items' order. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        for (let i = next++; i < items.length; i = next++)
            results[i] = await fn(items[i], i);
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

// EXTERNAL MODULE: ./src/chart/source-date.ts
var source_date = __webpack_require__(6732);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/bytes-order.ts
var bytes_order = __webpack_require__(48146);
;// CONCATENATED MODULE: ./src/release/charts.ts




const MAGIC = /[*?[]/;
/**
 * The charts named by lines of paths and patterns (a face's chart list), read as `@actions/glob` reads patterns: `*`, `?` and
 * `[...]` within a path element, `**` for any number of folders, `!` lines that exclude what earlier
 * lines matched (with everything below it; the last line that matches a path decides), `#` comments.
 * A plain path is taken as it is (the loader says what is wrong with it). What a pattern matches is a
 * chart when it is a folder holding a Chart.yaml, a `.tgz`, or a Chart.yaml (its folder); anything
 * else it matches is passed over. `**` does not descend into a chart (its charts/ are part of it).
 * A pattern that matches no chart is an error, and so is a list that leaves none.
 */
async function expandCharts(lines, cwd = process.cwd()) {
    const parsed = lines
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'))
        .map(parseLine);
    const foundBy = new Map();
    for (const [i, line] of parsed.entries()) {
        if (line.exclude)
            continue;
        let charts = [line.text];
        if (line.segments.some((s) => MAGIC.test(s))) {
            charts = await findCharts(line, cwd);
            if (charts.length === 0)
                throw new errors/* UserError */.yo(`the pattern ${JSON.stringify(line.text)} matches no chart`, {
                    hint: 'A pattern must match folders holding a Chart.yaml, or .tgz files',
                });
        }
        for (const c of charts)
            foundBy.set(c, (foundBy.get(c) ?? new Set()).add(i));
    }
    const kept = [...foundBy].filter(([c, by]) => included(parsed, c, by, cwd)).map(([c]) => c);
    if (kept.length === 0 && foundBy.size > 0)
        throw new errors/* UserError */.yo('every chart the list names is excluded by its ! lines', {
            hint: 'Remove the exclusion, or name a chart it does not cover',
        });
    return kept;
}
function parseLine(text) {
    const exclude = text.startsWith('!');
    const pattern = exclude ? text.slice(1).trim() : text;
    if (pattern === '')
        throw new errors/* UserError */.yo(`the chart line ${JSON.stringify(text)} names nothing`);
    return {
        text,
        exclude,
        absolute: pattern.startsWith('/'),
        segments: pattern.split('/').filter((s) => s !== '' && s !== '.'),
    };
}
/** In line order, an include line that found the chart keeps it and an exclusion that covers it drops it. */
function included(lines, candidate, foundBy, cwd) {
    const parts = relativeParts(candidate, cwd);
    let keep = false;
    for (const [i, line] of lines.entries()) {
        if (!line.exclude)
            keep ||= foundBy.has(i);
        else if (keep && matchesOrIsBelow(line, parts, cwd))
            keep = false;
    }
    return keep;
}
function relativeParts(p, cwd) {
    return external_node_path_default().resolve(cwd, p).split((external_node_path_default()).sep).filter(Boolean);
}
function patternParts(line, cwd) {
    return line.absolute ? line.segments : [...cwd.split((external_node_path_default()).sep).filter(Boolean), ...line.segments];
}
function matchesOrIsBelow(line, parts, cwd) {
    const pattern = patternParts(line, cwd);
    for (let n = parts.length; n >= 0; n--)
        if (matchSegments(pattern, parts.slice(0, n)))
            return true;
    return false;
}
function matchSegments(pattern, parts) {
    if (pattern.length === 0)
        return parts.length === 0;
    const [head, ...rest] = pattern;
    if (head === '**') {
        for (let skip = 0; skip <= parts.length; skip++)
            if (matchSegments(rest, parts.slice(skip)))
                return true;
        return false;
    }
    return parts.length > 0 && segmentRegExp(head).test(parts[0]) && matchSegments(rest, parts.slice(1));
}
const compiled = new Map();
/** One path element of a pattern as a RegExp: `*`, `?`, `[abc]`, `[a-z]`, `[!x]` / `[^x]`, `\` escapes. */
function segmentRegExp(segment) {
    let re = compiled.get(segment);
    if (re)
        return re;
    let out = '';
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '*')
            out += '.*';
        else if (c === '?')
            out += '.';
        else if (c === '\\' && i + 1 < segment.length)
            out += escapeRe(segment[++i]);
        else if (c === '[') {
            const end = segment.indexOf(']', i + 2);
            if (end < 0) {
                out += '\\[';
                continue;
            }
            let body = segment.slice(i + 1, end);
            const negate = body.startsWith('!') || body.startsWith('^');
            if (negate)
                body = body.slice(1);
            out += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
            i = end;
        }
        else
            out += escapeRe(c);
    }
    re = new RegExp(`^${out}$`, 's');
    compiled.set(segment, re);
    return re;
}
function escapeRe(c) {
    return c.replace(/[.*+?^${}()|[\]\\/]/g, (m) => `\\${m}`);
}
/** Walks the file system along one include pattern and returns the charts it matches, sorted. */
async function findCharts(line, cwd) {
    const start = line.absolute ? '/' : '';
    const found = new Set();
    const seen = new Set();
    const visit = async (rel, segments) => {
        const abs = external_node_path_default().resolve(cwd, rel || '.');
        if (segments.length === 0) {
            const chart = await asChart(rel, abs);
            if (chart !== undefined)
                found.add(chart);
            return;
        }
        const [head, ...rest] = segments;
        if (head === '**') {
            await visit(rel, rest); // none
            if (await isChartDir(abs))
                return; // a chart's own charts/ are part of it
            const real = await (0,promises_.realpath)(abs).catch(() => undefined);
            if (!real || seen.has(real))
                return;
            seen.add(real);
            for (const name of await children(abs)) {
                if (name === '.git')
                    continue;
                if (await isDir(external_node_path_default().join(abs, name)))
                    await visit(join(rel, name), segments);
                else if (rest.length === 0)
                    await visit(join(rel, name), []);
            }
            return;
        }
        if (!MAGIC.test(head))
            return visit(join(rel, head.replace(/\\(.)/g, '$1')), rest);
        const re = segmentRegExp(head);
        for (const name of await children(abs))
            if (re.test(name))
                await visit(join(rel, name), rest);
    };
    await visit(start, line.segments);
    return [...found].sort(bytes_order/* compareBytes */.X);
}
function join(base, name) {
    return base === '' ? name : base === '/' ? `/${name}` : `${base}/${name}`;
}
async function children(dir) {
    try {
        return (await (0,promises_.readdir)(dir)).sort(bytes_order/* compareBytes */.X);
    }
    catch {
        return [];
    }
}
async function isDir(p) {
    return (await (0,promises_.stat)(p).catch(() => undefined))?.isDirectory() ?? false;
}
async function isChartDir(p) {
    return (await (0,promises_.stat)(external_node_path_default().join(p, 'Chart.yaml')).catch(() => undefined))?.isFile() ?? false;
}
/** What a matched path stands for: a chart folder, a packaged chart, a Chart.yaml's folder, or nothing. */
async function asChart(rel, abs) {
    const info = await (0,promises_.stat)(abs).catch(() => undefined);
    if (!info)
        return undefined;
    if (info.isDirectory())
        return (await isChartDir(abs)) ? rel || '.' : undefined;
    if (rel.endsWith('.tgz'))
        return rel;
    if (external_node_path_default().basename(rel) === 'Chart.yaml')
        return external_node_path_default().dirname(rel);
    return undefined;
}

// EXTERNAL MODULE: ./src/artifact/chart-ref.ts
var chart_ref = __webpack_require__(31938);
// EXTERNAL MODULE: ./src/release/build.ts + 1 modules
var release_build = __webpack_require__(45598);
// EXTERNAL MODULE: ./src/release/push.ts + 1 modules
var push = __webpack_require__(43953);
// EXTERNAL MODULE: ./src/release/outcome.ts
var release_outcome = __webpack_require__(82641);
// EXTERNAL MODULE: ./src/util/yield.ts
var util_yield = __webpack_require__(98681);
// EXTERNAL MODULE: ./src/release/report.ts
var report = __webpack_require__(89823);
// EXTERNAL MODULE: ./src/release/save.ts
var save = __webpack_require__(11144);
// EXTERNAL MODULE: ./src/release/results.ts
var release_results = __webpack_require__(21539);
// EXTERNAL MODULE: ./src/chart/link-boundary.ts
var link_boundary = __webpack_require__(82141);
// EXTERNAL MODULE: ./src/artifact/go-yaml-struct.ts
var go_yaml_struct = __webpack_require__(18316);
// EXTERNAL MODULE: ./src/util/read-regular-file.ts
var read_regular_file = __webpack_require__(38562);
// EXTERNAL MODULE: ./src/oci/digest.ts
var digest = __webpack_require__(68825);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(29217);
// EXTERNAL MODULE: ./src/artifact/parse.ts
var parse = __webpack_require__(72781);
// EXTERNAL MODULE: ./src/util/bounded-read.ts
var bounded_read = __webpack_require__(34282);
;// CONCATENATED MODULE: ./src/artifact/artifacthub-repo.ts






/**
 * Artifact Hub's repository metadata (artifacthub-repo.yml) as an OCI artifact, pushed beside a chart
 * under the tag `artifacthub.io`: Artifact Hub pulls that tag and takes the layer of this media type
 * (artifacthub/hub internal/repo/manager.go GetMetadata, MetadataLayerMediaType, artifacthubTag); the
 * manifest is what its docs' `oras push \u2026 --config /dev/null:<config type> artifacthub-repo.yml:<layer
 * type>` makes (docs/helm_charts_repositories.md), less oras's `created` time: the same file always
 * gives the same manifest, so its digest is its identity.
 */
const ArtifactHubMediaType = {
    config: 'application/vnd.cncf.artifacthub.config.v1+yaml',
    layer: 'application/vnd.cncf.artifacthub.repository-metadata.layer.v1.yaml',
};
const ARTIFACTHUB_TAG = 'artifacthub.io';
/** The file names Artifact Hub looks for (manager.go: `.yml`, then `.yaml`). */
const REPO_METADATA_FILES = ['artifacthub-repo.yml', 'artifacthub-repo.yaml'];
// internal/hub/repo.go RepositoryMetadata, Owner, RepositoryIgnoreEntry (read with gopkg.in/yaml.v2).
const REPO_METADATA = {
    struct: {
        repositoryID: 'string',
        owners: { list: { struct: { name: 'string', email: 'string' } } },
        ignore: { list: { struct: { name: 'string', version: 'string' } } },
    },
};
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
/**
 * Checks the file before anything is pushed: the fields Artifact Hub reads and no other, a UUID
 * `repositoryID` (Artifact Hub refuses the whole file otherwise), every owner with an email (the
 * ownership claim matches it), every ignore entry with a name. Throws every problem at once.
 */
function checkRepoMetadata(bytes, file) {
    let text;
    try {
        // Pushed as it is: Go's YAML reader refuses the whole file at a byte that is not UTF-8.
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        text = undefined;
    }
    const { value, problems } = text === undefined ? { value: undefined, problems: [] } : (0,go_yaml_struct/* decodeGoYaml */.CD)(text, REPO_METADATA);
    const out = text === undefined ? ['not UTF-8 (Artifact Hub cannot read it): save it as UTF-8'] : problems.map(go_yaml_struct/* problemLine */.YK);
    if (out.length === 0) {
        if (value === null || value === undefined || typeof value !== 'object')
            out.push('empty: nothing for Artifact Hub to read');
        else {
            const md = value;
            if (md.repositoryID != null && !UUID.test(String(md.repositoryID)))
                out.push(`repositoryID: ${JSON.stringify(String(md.repositoryID))} is not a UUID (the repository ID shown in the repository's settings on artifacthub.io)`);
            (md.owners ?? []).forEach((o, i) => {
                if (o?.email == null || !EMAIL.test(String(o.email)))
                    out.push(`owners[${i}]: no email (the claim is matched by the owner's email on artifacthub.io)`);
            });
            (md.ignore ?? []).forEach((e, i) => {
                if (e?.name == null || String(e.name) === '')
                    out.push(`ignore[${i}]: no name (the package name, matched exactly)`);
            });
        }
    }
    if (out.length > 0)
        throw new errors/* UserError */.yo(`is not valid Artifact Hub repository metadata: ${(0,go_yaml_struct/* capProblems */.Pe)(out).join('; ')}`, {
            where: file,
            hint: 'See https://github.com/artifacthub/hub/blob/master/docs/metadata/artifacthub-repo.yml',
        });
}
/** The artifact Artifact Hub reads: an empty config of its config type, and the file's bytes as the one layer. */
function repoMetadataArtifact(bytes, fileName = REPO_METADATA_FILES[0]) {
    const config = Buffer.alloc(0);
    const configDescriptor = (0,digest/* describe */.q0)(ArtifactHubMediaType.config, config);
    // oras names a layer by its file (what `oras pull` writes it as).
    const layerDescriptor = { ...(0,digest/* describe */.q0)(ArtifactHubMediaType.layer, bytes), annotations: { [media_types/* Annotation */.YH.title]: fileName } };
    const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: media_types/* OciMediaType */.OH.manifest, config: configDescriptor, layers: [layerDescriptor] }));
    return {
        manifest,
        manifestDescriptor: (0,digest/* describe */.q0)(media_types/* OciMediaType */.OH.manifest, manifest),
        config,
        configDescriptor,
        layer: bytes,
        layerDescriptor,
    };
}
/**
 * Whether a manifest already holds this metadata: the same config type and the same bytes as its one
 * metadata layer, whoever pushed it and whenever (an oras push stamps a time: that is not a change).
 */
function holdsSameMetadata(manifest, ours) {
    let m;
    try {
        // The registry's answer, read within the bounds of any manifest.
        m = (0,bounded_read/* readJson */.Vh)(manifest.toString('utf8'), parse/* MANIFEST_JSON */.lR);
    }
    catch (err) {
        if (err instanceof SyntaxError || err instanceof bounded_read/* BoundsError */.UI)
            return false;
        throw err;
    }
    const layers = Array.isArray(m?.layers) ? m.layers : [];
    return (m?.config?.mediaType === ArtifactHubMediaType.config &&
        layers.length === 1 &&
        layers[0]?.mediaType === ArtifactHubMediaType.layer &&
        layers[0]?.digest === ours.layerDescriptor.digest);
}

// EXTERNAL MODULE: ./src/util/yaml-lib.ts
var yaml_lib = __webpack_require__(63235);
;// CONCATENATED MODULE: ./src/release/artifacthub.ts









/**
 * The repository metadata for a chart: `given` (one file for every chart) when set, else an
 * artifacthub-repo.yml (or .yaml) in the chart folder; undefined when there is none (a packaged
 * .tgz has no folder of its own). Checked before anything is pushed. Its bytes are published as they
 * are: only a regular file is read (a device or a FIFO would never end), at most what the check
 * reads, and the chart folder's may link no further than the chart's files may (linkBoundary).
 */
async function findRepoMetadata(chartSource, given, workspace) {
    const candidates = given ? [given] : chartSource.endsWith('.tgz') ? [] : REPO_METADATA_FILES.map((f) => external_node_path_default().join(chartSource, f));
    for (const file of candidates) {
        let bytes;
        try {
            if (!(await (0,promises_.stat)(file)).isFile())
                throw new Error('not a regular file');
            if (!given) {
                const boundary = (0,link_boundary/* linkBoundary */.Z)(chartSource, workspace);
                if (!(0,link_boundary/* isWithin */.U)(await (0,promises_.realpath)(file), boundary))
                    throw new Error(`it links out of ${boundary}`);
            }
            bytes = await (0,read_regular_file/* readRegularFile */.XF)(file, go_yaml_struct/* GO_YAML_BOUNDS */.pS.maxBytes);
        }
        catch (err) {
            if (!given && ((0,errors/* fsCode */.r0)(err) === 'ENOENT' || (0,errors/* fsCode */.r0)(err) === 'ENOTDIR'))
                continue;
            throw new errors/* UserError */.yo(`cannot read the Artifact Hub repository metadata (${(0,errors/* fsCode */.r0)(err) ?? err.message})`, {
                where: file,
                hint: 'Give the path of an artifacthub-repo.yml file',
            });
        }
        await (0,yaml_lib/* loadYaml */.yv)();
        checkRepoMetadata(bytes, file);
        return { file, artifact: repoMetadataArtifact(bytes, external_node_path_default().basename(file)) };
    }
    return undefined;
}
/**
 * Pushes the metadata to `repository:artifacthub.io` unless the tag already holds the same file
 * (content, not time: see holdsSameMetadata); the blobs first, the manifest last.
 */
async function pushRepoMetadata(client, repository, artifact) {
    const ours = artifact.manifestDescriptor.digest;
    const current = await client.resolveTag(repository, ARTIFACTHUB_TAG, true);
    if (current === ours)
        return { status: 'unchanged', digest: ours };
    if (current !== undefined) {
        const theirs = await client.fetchManifestIfAny(repository, current, media_types/* OciMediaType */.OH.manifest);
        if (theirs && holdsSameMetadata(theirs.body, artifact))
            return { status: 'unchanged', digest: current };
    }
    for (const [d, data] of [
        [artifact.configDescriptor, artifact.config],
        [artifact.layerDescriptor, artifact.layer],
    ]) {
        if (!(await client.hasBlob(repository, d)))
            await client.uploadBlob(repository, d, data);
    }
    await client.pushManifest(repository, ARTIFACTHUB_TAG, artifact.manifest, media_types/* OciMediaType */.OH.manifest);
    return { status: 'pushed', digest: ours };
}

// EXTERNAL MODULE: ./src/oci/errors.ts + 1 modules
var oci_errors = __webpack_require__(82240);
;// CONCATENATED MODULE: ./src/release/ghcr-visibility.ts


/** The hosts that are GitHub's container registry, where a first push makes a private package. */
const GHCR_HOSTS = ['ghcr.io'];
/**
 * Asks for the manifest `digest` of the reference with no credential at all, as `helm pull` outside the owner
 * would: on GHCR a package is private until its owner makes it public, and the push that created it
 * succeeds all the same. Undefined, with no request made, for a host not in `hosts` (GHCR's only,
 * unless a test points it at a stand-in). Never throws: this only informs.
 */
async function checkGhcrVisibility(registries, ref, digest, hosts = GHCR_HOSTS) {
    if (!hosts.includes(ref.registry))
        return undefined;
    const [owner, ...rest] = ref.repository.split('/');
    const packageName = rest.join('/');
    const base = {
        owner,
        packageName,
        settingsUrl: packageSettingsUrl('orgs', owner, packageName),
        userSettingsUrl: packageSettingsUrl('users', owner, packageName),
    };
    try {
        const got = await registries.anonymous(ref.registry).fetchManifestIfAny(ref.repository, digest, media_types/* OciMediaType */.OH.manifest);
        // GHCR hides a private package from strangers: "not found" is a refusal too.
        if (!got)
            return { ...base, visibility: 'private', why: 'not found' };
        return { ...base, visibility: 'public' };
    }
    catch (err) {
        // Every refusal (the manifest's, the token service's) arrives as a RegistryError with its status.
        const refused = err instanceof oci_errors/* RegistryError */.gl && (err.status === 401 || err.status === 403);
        return { ...base, visibility: refused ? 'private' : 'unknown', why: err.message };
    }
}
/**
 * The package's settings page, where "Change visibility" is: under /orgs/ for an organisation's
 * package, /users/ for a personal account's; a nested name is one path segment, its slashes encoded.
 */
function packageSettingsUrl(kind, owner, packageName) {
    return `https://github.com/${kind}/${owner}/packages/container/${encodeURIComponent(packageName)}/settings`;
}
/** What the log says when GHCR refused an anonymous pull of a chart just pushed: who cannot pull it, and where to change that. */
function visibilityLines(repository, seen) {
    if (seen.visibility === 'unknown')
        return [
            `${repository}: could not check whether the package is public (an anonymous pull met: ${seen.why ?? 'no answer'}); if it is private, change its visibility at ${seen.settingsUrl} (a personal account's: ${seen.userSettingsUrl})`,
        ];
    return [
        `${repository}: the package is private (an anonymous pull was refused: ${seen.why ?? 'refused'}). Only accounts with read access to the package can pull it: helm pull without credentials, other organisations' workflows and Artifact Hub cannot. To publish it, set its visibility to public at ${seen.settingsUrl} (a personal account's: ${seen.userSettingsUrl}), under Danger Zone, Change visibility`,
    ];
}

// EXTERNAL MODULE: ./src/release/plan.ts
var plan = __webpack_require__(49390);
// EXTERNAL MODULE: ./src/release/expect-digest.ts
var expect_digest = __webpack_require__(61713);
;// CONCATENATED MODULE: ./src/release/publish-chart.ts














/**
 * One chart, start to end: packaged once, saved to the cache under every target, and pushed to each
 * target in turn (a later target on the same registry mounts the blobs from the first). The tags are
 * looked up as soon as the chart's name and version are known.
 */
async function publishChart(source, settings, build, 
/** Where to push (undefined: saved to the cache only). */
registries, notice, readBacks, known = {}) {
    const { keyless } = settings;
    const log = (line) => build.log?.info(line);
    const loaded = await (0,release_build/* loadSource */.sh)(source, build);
    const md = loaded.chart.metadata;
    known.name = md.name;
    known.version = md.version;
    // Checked before anything is pushed (and when nothing is): a bad file fails the chart, not half its publication.
    const repoMetadata = await findRepoMetadata(source, settings.artifacthubRepo || undefined, build.workspace);
    if (loaded.looseVersion)
        build.log?.warn(`${source}: the chart version ${JSON.stringify(md.version)} is not SemVer 2. Helm packages and pushes it (tag ${(0,chart_ref/* versionTag */.V)(md.version)}), but tools that sort tags as SemVer 2 (Artifact Hub, Renovate) may misorder it: write MAJOR.MINOR.PATCH in Chart.yaml's version (or give the version to publish), e.g. 1.2.0`);
    // The tags are looked up while the chart is packaged (the connection, any token and the HEAD overlap it).
    const lookups = new Map();
    const askedAt = Date.now();
    for (const refInput of settings.refs) {
        const { ref } = (0,chart_ref/* resolveChartRef */.Q)(refInput, md.name, md.version);
        const name = (0,reference/* refString */.nw)(ref);
        if (registries && !lookups.has(name))
            // A plan only reads (a pull scope: a job that may only read plans as well as one that may push).
            lookups.set(name, (0,push/* lookUpTag */.FY)(registries.client(ref.registry, log), ref, !settings.plan));
    }
    await (0,util_yield/* yieldToLoop */.j)();
    const packaged = await (0,release_build/* packageLoaded */.ck)(loaded, build);
    log(`${md.name} ${md.version}: this build is ${packaged.artifact.chart.length} bytes, chart ${packaged.artifact.chartDescriptor.digest}`);
    if (packaged.signed)
        log(`signed by ${packaged.signed.fingerprint} (${packaged.signed.userId}): provenance ${md.name}-${md.version}.tgz.prov`);
    const targets = settings.refs.map((ref) => (0,release_build/* bindRef */.Zp)(packaged, ref));
    // What this run signs must be this build's own: a registry copy it cannot account for is a difference.
    const signer = build.signer;
    const signsKeyless = keyless !== undefined || (settings.plan === true && settings.planKeyless === true);
    const vouch = signsKeyless || signer
        ? {
            manifest: signsKeyless,
            provenance: signer && ((theirs, chart) => signer.notOwn(theirs, chart, md)),
        }
        : undefined;
    // Before anything is written (the cache included): a build that is not the planned one publishes nothing.
    if (settings.expectDigests)
        (0,expect_digest/* checkExpected */.v)(settings.expectDigests, source, md.name, packaged.artifact);
    if (settings.plan) {
        if (!registries)
            throw new Error('a plan needs the registries to look the tags up');
        return (0,plan/* planChart */.CH)(source, targets, registries, lookups, settings.ifExists, vouch, log);
    }
    const results = [];
    const pushedTo = new Map();
    // Once per repository: its artifacthub.io tag, and (on GHCR) whether a stranger can pull it.
    const metadataDone = new Set();
    const visibilityDone = new Set();
    for (const built of targets) {
        if (built.pathAsGiven)
            notice((0,report/* loweredLine */.nH)(built.pathAsGiven, built.ref.repository));
        // Saved while the blobs upload; the manifest (the tag) waits for it, so a failed save publishes nothing.
        const saved = (0,save/* saveToCache */.$)(settings.cache, built.refName, built.artifact);
        // Safe: `saved` is awaited below (the push's commit waits for it too) and its failure reported
        // there; only a push that fails first leaves it unawaited, and that failure is the one reported.
        saved.catch(() => { });
        let outcome;
        if (!registries) {
            await saved;
            outcome = { refName: built.refName, tag: built.ref.tag, status: 'saved', artifact: built.artifact, from: 'build' };
            for (const line of (0,report/* outcomeLines */.qx)(outcome, md))
                log(line);
            results.push((0,release_results/* targetResult */.Dr)(built, outcome));
            continue;
        }
        const client = await registries.client(built.ref.registry, log);
        log(`The push refers to repository [${built.ref.registry}/${built.ref.repository}]`);
        // Keyless: a new manifest is signed before its tag is written (a failure leaves the tag as it was).
        let made;
        // What stands afterwards (this build, or the registry's copy) is what the log, the outputs and the cache name.
        outcome = await (0,release_outcome/* pushAndCache */.G)(client, built.ref, built.refName, built.artifact, settings.ifExists, settings.cache, {
            mountFrom: pushedTo.get(built.ref.registry),
            current: take(lookups, built.refName), // a ref given twice is looked up again the second time
            currentAskedAt: askedAt,
            beforeCommit: saved,
            beforeWrite: keyless && (() => (made = keyless.ensure(client, built.ref, built.artifact.manifestDescriptor, true))),
            readBacks,
            readBack: settings.readBack,
            vouch,
        });
        await saved;
        if (!pushedTo.has(built.ref.registry))
            pushedTo.set(built.ref.registry, built.ref.repository);
        for (const line of (0,report/* outcomeLines */.qx)(outcome, md))
            log(line);
        // What the tag holds and this run did not write (unchanged) is signed unless a valid signature by
        // this identity is attached already; a skipped chart is not this run's to sign.
        const signedNow = outcome.status === 'pushed'
            ? made
            : outcome.status === 'unchanged' && keyless
                ? keyless.ensure(client, built.ref, outcome.artifact.manifestDescriptor, false)
                : undefined;
        const target = (0,release_results/* keylessResult */.U9)((0,release_results/* targetResult */.Dr)(built, outcome), await signedNow);
        const repository = `${built.ref.registry}/${built.ref.repository}`;
        if (repoMetadata && !metadataDone.has(repository)) {
            metadataDone.add(repository);
            const metadata = await pushRepoMetadata(client, built.ref.repository, repoMetadata.artifact);
            log(`${ARTIFACTHUB_TAG}: ${metadata.status === 'pushed' ? 'pushed to remote' : 'unchanged'} (Artifact Hub repository metadata from ${repoMetadata.file}) ${metadata.digest}`);
            target['artifacthub-digest'] = metadata.digest;
            target['artifacthub-status'] = metadata.status;
        }
        if (outcome.status === 'pushed' && !visibilityDone.has(repository)) {
            visibilityDone.add(repository);
            const seen = await checkGhcrVisibility(registries, built.ref, outcome.artifact.manifestDescriptor.digest);
            if (seen && seen.visibility !== 'public') {
                for (const line of visibilityLines(repository, seen))
                    build.log?.warn(line);
                target.visibility = seen.visibility;
                target['settings-url'] = seen.settingsUrl;
            }
            else if (seen)
                log(`${repository}: public (pulled anonymously)`);
        }
        results.push(target);
    }
    return await (0,release_results/* chartResult */.Um)(source, targets[0], results);
}
function take(map, key) {
    const value = map.get(key);
    map.delete(key);
    return value;
}

;// CONCATENATED MODULE: ./src/release/publish.ts







/** Charts published at a time (the registry, not this process, is what more would wait on). */
const CONCURRENCY = 4;
/**
 * The publication both faces run: every chart (paths and patterns) packaged once and published to
 * every ref, several at a time, each one's result told once (its lines, as a group titled with its
 * result when there are several, then the tally). One failing chart does not stop the others.
 */
async function publishCharts(settings, out) {
    const sources = await expandCharts(settings.charts, settings.cwd);
    // The archives' one timestamp, the same for every chart of the run: said once.
    out.info(timestampLine((0,source_date/* sourceDate */.e)(settings.build.env)));
    const primary = (0,reference/* splitReference */.mQ)(settings.refs[0]).registry;
    const registries = settings.push || settings.plan ? settings.registries : undefined;
    // Starts choosing the credential for the first registry and logging in, while the charts load.
    // Safe: `registries` keeps this same promise, and every chart that reaches `primary` awaits it and
    // reports its failure; a run in which none does has the charts' own failures to report.
    if (registries)
        registries.client(primary, out.info).catch(() => { });
    const access = settings.registries.access(out.info);
    const single = sources.length === 1;
    // Each chart's result, final once its read-backs are in; with several charts, each one's lines are
    // printed as a group titled with that result, in the charts' order, as soon as those before it are.
    const finals = sources.map(() => deferred());
    const printed = printInOrder(finals, single, out);
    await mapLimit(sources, CONCURRENCY, async (source, index) => {
        // Each pushed chart's read-back of its tag (after the settling wait): awaited outside the slot.
        const done = [];
        const known = {};
        const lines = [];
        const info = single ? out.info : (line) => void lines.push(() => out.info(line));
        const notice = single ? out.notice : (line) => void lines.push(() => out.notice(line));
        const build = { ...settings.build, access, log: { info, warn: (line) => out.warning(line) } };
        const failed = (err) => ({ result: (0,release_results/* failedResult */.Nq)(source, known, settings.errorLine(err)), err, lines });
        let final;
        try {
            const published = await publishChart(source, settings, build, registries, notice, done, known);
            // What its publish would fail with (a version published with other content, under if-exists fail), said
            // as a warning: the plan lists it for the publish to refuse, where the other charts still publish.
            const refused = settings.plan ? (0,plan/* planRefusal */._f)(published) : undefined;
            if (refused)
                out.warning(`${source}: a publish would fail: ${settings.errorLine(refused)}`);
            // Pushed, but another run may write the tag right after: then this chart is not what the tag holds.
            final = Promise.all(done).then(() => ({ result: published, lines }), failed);
        }
        catch (err) {
            final = Promise.resolve(failed(err));
        }
        finals[index].resolve(final);
    });
    await printed;
    const settled = await Promise.all(finals.map((f) => f.promise));
    const results = settled.map((f) => f.result);
    out.info((0,release_results/* tally */.N4)(results));
    const errors = new Map();
    settled.forEach((f, i) => f.result.status === 'failed' && errors.set(i, f.err));
    return { results, errors };
}
/** `timestamps: 1970-01-01T00:00:00Z, the fixed epoch (SOURCE_DATE_EPOCH is not set)`. */
function timestampLine(date) {
    const at = new Date(date.seconds * 1000).toISOString().replace('.000Z', 'Z');
    return `timestamps: ${at}, ${date.from === 'fixed' ? 'the fixed epoch (SOURCE_DATE_EPOCH is not set)' : `SOURCE_DATE_EPOCH=${date.seconds}`}`;
}
function deferred() {
    let resolve;
    const promise = new Promise((r) => (resolve = r));
    return { promise, resolve };
}
/**
 * Prints each chart's lines as its results come in, in the charts' order. Several charts: a group each,
 * titled with its result, its error (pointing at the file at fault) after the group. One chart: its
 * lines went out as they came; its error is the run's own.
 */
async function printInOrder(finals, single, out) {
    for (const f of finals) {
        const { result, lines, err } = await f.promise;
        if (single)
            continue;
        out.startGroup((0,release_results/* resultTitle */.kk)(result));
        for (const print of lines)
            print();
        out.endGroup();
        if (err !== undefined)
            out.error(`${result.source}: ${result.error}`, err);
    }
}


/***/ }),

/***/ 21539:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dr: () => (/* binding */ targetResult),
/* harmony export */   N4: () => (/* binding */ tally),
/* harmony export */   Nq: () => (/* binding */ failedResult),
/* harmony export */   U9: () => (/* binding */ keylessResult),
/* harmony export */   Um: () => (/* binding */ chartResult),
/* harmony export */   kk: () => (/* binding */ resultTitle),
/* harmony export */   xK: () => (/* binding */ singleChartValues)
/* harmony export */ });
/* harmony import */ var _artifact_release_notes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77439);

/**
 * One published chart's values as both faces give them to later steps (the action's outputs, the CLI's
 * dotenv report, there upper-cased): by the names the `charts` JSON uses, in this order.
 */
function singleChartValues(r) {
    return [
        ['ref', r.ref],
        ['repository', r.repository],
        ['digest', r.digest],
        ['digest-ref', r['digest-ref']],
        ['chart-digest', r['chart-digest']],
        ['size', r.size],
        ['name', r.name],
        ['version', r.version],
        ['status', r.status],
        ['signed', String(r.signed)],
        ['sign-fingerprint', r['sign-fingerprint']],
        ['signature-digest', r['signature-digest'] ?? ''],
        ['attestation-digest', r['attestation-digest'] ?? ''],
        ['artifacthub-digest', r['artifacthub-digest'] ?? ''],
    ];
}
function targetResult(built, o) {
    const repository = `${built.ref.registry}/${built.ref.repository}`;
    const digest = o.artifact.manifestDescriptor.digest;
    const signed = built.signed !== undefined && o.status !== 'skipped';
    return {
        ref: o.refName,
        repository,
        digest,
        'digest-ref': `${repository}@${digest}`,
        'chart-digest': o.artifact.chartDescriptor.digest,
        size: String(o.artifact.chart.length),
        status: o.status,
        from: o.from,
        signed,
        'sign-fingerprint': signed ? built.signed.fingerprint : '',
    };
}
/** A target's result with the keyless referrers made or found for it. */
function keylessResult(target, outcomes) {
    for (const o of outcomes ?? [])
        target[o.kind === 'signature' ? 'signature-digest' : 'attestation-digest'] = o.digest;
    return target;
}
async function chartResult(source, built, targets) {
    const md = built.chart.metadata;
    const notes = await (0,_artifact_release_notes_js__WEBPACK_IMPORTED_MODULE_0__/* .releaseNotes */ .f)(md.annotations);
    return {
        source,
        ...targets[0],
        name: md.name,
        version: md.version,
        targets,
        ...(notes !== undefined ? { 'release-notes': notes } : {}),
    };
}
/** A chart that failed: what was known of it (name and version once read), and the error line. */
function failedResult(source, known, error) {
    return {
        source,
        ref: '',
        repository: '',
        digest: '',
        'digest-ref': '',
        'chart-digest': '',
        size: '',
        status: 'failed',
        from: '',
        name: known.name ?? '',
        version: known.version ?? '',
        signed: false,
        'sign-fingerprint': '',
        targets: [],
        error,
    };
}
/** A chart's one-line result: `web 1.2.0 \u2014 pushed sha256:\u2026` (the group title of its log lines). */
function resultTitle(r) {
    const who = r.name ? `${r.name} ${r.version}` : r.source;
    if (r.status === 'failed')
        return `${who} \u2014 failed`;
    // Every ref's own status: a chart unchanged under its first ref may be new under another.
    const others = r.targets.slice(1);
    const more = others.length > 0 ? ` (and ${others.length} more ref${others.length > 1 ? 's' : ''}: ${counted(others)})` : '';
    return `${who} \u2014 ${r.status} ${r.digest}${more}`;
}
const ORDER = ['pushed', 'new', 'differs', 'unchanged', 'skipped', 'saved', 'failed'];
/** `2 pushed, 1 unchanged`: how many of `items` have each status, in ORDER. */
function counted(items) {
    return ORDER.map((s) => [s, items.filter((i) => i.status === s).length])
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${n} ${s}`)
        .join(', ');
}
/**
 * The run's last line: `3 charts: 2 pushed, 1 failed`; with several refs, what happened under each tag
 * (`2 charts, 4 tags: 2 pushed, 2 unchanged`), a failed chart counted once.
 */
function tally(results) {
    const charts = `${results.length} chart${results.length === 1 ? '' : 's'}`;
    if (results.every((r) => r.targets.length <= 1))
        return `${charts}: ${counted(results)}`;
    const tags = results.flatMap((r) => r.targets);
    const items = [...tags, ...results.filter((r) => r.status === 'failed')];
    return `${charts}, ${tags.length} tag${tags.length === 1 ? '' : 's'}: ${counted(items)}`;
}


/***/ })

};
