export const id = 683;
export const ids = [683];
export const modules = {

/***/ 9048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IE: () => (/* binding */ signKeyAnnotation),
/* harmony export */   cb: () => (/* binding */ SIGN_KEY_ANNOTATION),
/* harmony export */   gO: () => (/* binding */ checkArtifactHubAnnotations),
/* harmony export */   pS: () => (/* binding */ parseChanges),
/* harmony export */   tO: () => (/* binding */ CHANGE_KINDS)
/* harmony export */ });
/* unused harmony export imageReferenceProblem */
/* harmony import */ var _go_yaml_struct_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(18316);

/**
 * Artifact Hub's `artifacthub.io/*` Chart.yaml annotations, checked as Artifact Hub reads them when it
 * indexes a chart: EnrichPackageFromAnnotations in artifacthub/hub internal/tracker/source/helm/helm.go
 * (gopkg.in/yaml.v3 into the structs of internal/hub/pkg.go), ParseChangesAnnotation in
 * internal/tracker/source/helpers.go, ValidateChange and ValidateContainersImages in
 * internal/pkg/metadata.go, the alternative name's rule in internal/pkg/manager.go; the list is
 * docs/helm_annotations.md's. What fails there fails here; a field or an annotation name Artifact Hub
 * does not know is reported too (it drops those silently, which is how a typo goes unnoticed).
 *
 * Here rather than in src/chart/: Helm ignores these annotations; they describe the chart as
 * published, to the index that lists it.
 */
const ARTIFACTHUB_PREFIX = 'artifacthub.io/';
const SIGN_KEY_ANNOTATION = 'artifacthub.io/signKey';
const LINK = { struct: { name: 'string', url: 'string' } };
const CHANGE = { struct: { kind: 'string', description: 'string', links: { list: LINK } } };
const IMAGE = { struct: { name: 'string', image: 'string', whitelisted: 'bool', platforms: { list: 'string' } } };
const MAINTAINER = { struct: { name: 'string', email: 'string' } };
const RECOMMENDATION = { struct: { url: 'string' } };
const SCREENSHOT = { struct: { title: 'string', url: 'string' } };
const SIGN_KEY = { struct: { fingerprint: 'string', url: 'string' } };
// internal/hub/pkg.go PackageCategoryFromName.
const CATEGORIES = [
    'skip-prediction',
    'ai-machine-learning',
    'database',
    'integration-delivery',
    'monitoring-logging',
    'networking',
    'security',
    'storage',
    'streaming-messaging',
];
// internal/tracker/source/helm/helm.go validOperatorCapabilities (compared lower-cased).
const CAPABILITIES = ['basic install', 'seamless upgrades', 'full lifecycle', 'deep insights', 'auto pilot'];
// internal/pkg/metadata.go validChangeKinds (compared lower-cased), in Artifact Hub's order.
const CHANGE_KINDS = ['added', 'changed', 'deprecated', 'removed', 'fixed', 'security'];
// Go's strconv.ParseBool.
const GO_BOOLS = ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'];
const RULES = {
    'artifacthub.io/alternativeName': (v, name) => v !== '' && !name.includes(v) && !v.includes(name)
        ? [
            `${JSON.stringify(v)} must be part of the chart name ${JSON.stringify(name)}, or hold it (Artifact Hub refuses the package otherwise)`,
        ]
        : [],
    'artifacthub.io/category': (v) => CATEGORIES.includes(v) ? [] : [`${JSON.stringify(v)} is not a category: use one of ${CATEGORIES.join(', ')}`],
    'artifacthub.io/changes': changes,
    'artifacthub.io/containsSecurityUpdates': goBool,
    'artifacthub.io/crds': (v) => yamlOf(v, { list: 'any' }),
    'artifacthub.io/crdsExamples': (v) => yamlOf(v, { list: 'any' }),
    'artifacthub.io/images': images,
    'artifacthub.io/license': () => [],
    'artifacthub.io/links': (v) => yamlOf(v, { list: LINK }),
    'artifacthub.io/maintainers': (v) => yamlOf(v, { list: MAINTAINER }),
    'artifacthub.io/operator': goBool,
    'artifacthub.io/operatorCapabilities': (v) => CAPABILITIES.includes(v.toLowerCase()) ? [] : [`${JSON.stringify(v)} is not a capability level: use one of ${CAPABILITIES.join(', ')}`],
    'artifacthub.io/prerelease': goBool,
    'artifacthub.io/recommendations': (v) => yamlOf(v, { list: RECOMMENDATION }),
    'artifacthub.io/screenshots': (v) => yamlOf(v, { list: SCREENSHOT }),
    [SIGN_KEY_ANNOTATION]: signKey,
};
/** Every problem with the chart's `artifacthub.io/*` annotations (none: an empty list). */
function checkArtifactHubAnnotations(annotations, chartName) {
    const out = [];
    for (const [annotation, value] of Object.entries(annotations)) {
        if (!annotation.startsWith(ARTIFACTHUB_PREFIX))
            continue;
        const rule = RULES[annotation];
        const problems = rule
            ? rule(value, chartName)
            : [
                `not an annotation Artifact Hub reads (it reads ${Object.keys(RULES)
                    .map((k) => k.slice(ARTIFACTHUB_PREFIX.length))
                    .join(', ')})`,
            ];
        for (const problem of (0,_go_yaml_struct_js__WEBPACK_IMPORTED_MODULE_0__/* .capProblems */ .Pe)(problems))
            out.push({ annotation, problem });
    }
    return out;
}
/** The `artifacthub.io/signKey` value for a key: its fingerprint and where its public key is. */
function signKeyAnnotation(fingerprint, url) {
    return `fingerprint: ${JSON.stringify(fingerprint)}\nurl: ${JSON.stringify(url)}\n`;
}
function goBool(v) {
    return GO_BOOLS.includes(v) ? [] : [`${JSON.stringify(v)} is not a boolean: write "true" or "false"`];
}
function yamlOf(v, type) {
    return (0,_go_yaml_struct_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeGoYaml */ .CD)(v, type).problems.map(_go_yaml_struct_js__WEBPACK_IMPORTED_MODULE_0__/* .problemLine */ .YK);
}
/**
 * `artifacthub.io/changes` read as Artifact Hub reads it: a list of change objects, else a list of
 * strings (ParseChangesAnnotation, internal/tracker/source/helpers.go), each then validated
 * (ValidateChange, internal/pkg/metadata.go). Go decodes the objects whatever keys they hold besides;
 * a key it drops is reported after what Artifact Hub itself would say. `changes` is undefined when
 * Artifact Hub would refuse the annotation (any problem but an unknown key).
 */
function parseChanges(v) {
    const asObjects = (0,_go_yaml_struct_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeGoYaml */ .CD)(v, { list: CHANGE });
    const failed = asObjects.problems.filter((p) => !p.unknown);
    const unknown = asObjects.problems.filter((p) => p.unknown).map(_go_yaml_struct_js__WEBPACK_IMPORTED_MODULE_0__/* .problemLine */ .YK);
    let entries;
    if (failed.length === 0)
        entries = asObjects.value ?? [];
    else {
        const asStrings = (0,_go_yaml_struct_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeGoYaml */ .CD)(v, { list: 'string' });
        if (asStrings.problems.length > 0)
            return {
                problems: [
                    ...failed.map(_go_yaml_struct_js__WEBPACK_IMPORTED_MODULE_0__/* .problemLine */ .YK),
                    'neither a list of changes (kind, description, links) nor a list of strings; quote strings that hold any of {}:[],&*#?|-<>=!%@',
                    ...unknown,
                ],
            };
        entries = (asStrings.value ?? []).map((d) => ({ description: d }));
    }
    const out = [];
    const changes = [];
    entries.forEach((entry, i) => {
        const c = (entry ?? undefined);
        if (!c)
            return void out.push(`[${i}]: an empty change`);
        const kind = c.kind == null ? '' : String(c.kind).toLowerCase();
        if (kind !== '' && !CHANGE_KINDS.includes(kind))
            out.push(`[${i}].kind: ${JSON.stringify(String(c.kind))} is not a kind: use one of ${CHANGE_KINDS.join(', ')}`);
        if (c.description == null || String(c.description) === '')
            out.push(`[${i}]: no description`);
        const links = (c.links ?? []).map((l, j) => {
            if (l?.name == null || String(l.name) === '')
                out.push(`[${i}].links[${j}]: no name`);
            if (l?.url == null || String(l.url) === '')
                out.push(`[${i}].links[${j}]: no url`);
            return { name: String(l?.name ?? ''), url: String(l?.url ?? '') };
        });
        changes.push({ kind, description: String(c.description ?? ''), links });
    });
    return { changes: out.length === 0 ? changes : undefined, problems: [...out, ...unknown] };
}
function changes(v) {
    return parseChanges(v).problems;
}
function images(v) {
    const decoded = (0,_go_yaml_struct_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeGoYaml */ .CD)(v, { list: IMAGE });
    if (decoded.problems.length > 0)
        return decoded.problems.map(_go_yaml_struct_js__WEBPACK_IMPORTED_MODULE_0__/* .problemLine */ .YK);
    const out = [];
    (decoded.value ?? []).forEach((img, i) => {
        const ref = img?.image == null ? '' : String(img.image);
        const why = imageReferenceProblem(ref);
        if (why)
            out.push(`[${i}].image: ${why}`);
    });
    return out;
}
function signKey(v) {
    const decoded = (0,_go_yaml_struct_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeGoYaml */ .CD)(v, SIGN_KEY);
    if (decoded.problems.length > 0)
        return decoded.problems.map(_go_yaml_struct_js__WEBPACK_IMPORTED_MODULE_0__/* .problemLine */ .YK);
    const key = decoded.value;
    return key?.url == null || String(key.url) === '' ? ['no url (where the public key is): Artifact Hub requires it'] : [];
}
const REPOSITORY_CHARS = /^[a-z0-9_\-./]{1,255}$/;
const TAG_CHARS = /^[A-Za-z0-9_.-]{1,128}$/;
const AUTHORITY = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]*)(:[0-9]*)?$/;
/**
 * Why go-containerregistry's name.ParseReference (not strict) refuses `s`, which ValidateContainersImages
 * calls on each image; undefined when it takes it. A tag reference first (`repo[:tag]`, a colon after
 * the last `/` starting the tag), else a digest (`repo[:tag]@sha256:<64 hex>`); the repository's first
 * part is a registry when it holds `.` or `:`.
 */
function imageReferenceProblem(s) {
    const asTag = tagProblem(s);
    if (!asTag)
        return undefined;
    if (!s.includes('@'))
        return asTag;
    const parts = s.split('@');
    if (parts.length !== 2)
        return `${JSON.stringify(s)} holds more than one @`;
    if (!/^sha256:[0-9a-f]{64}$/.test(parts[1]))
        return `${JSON.stringify(parts[1])} is not a sha256 digest`;
    const base = tagProblem(parts[0]) ? parts[0] : parts[0].replace(/:[^:/]*$/, '');
    return repositoryProblem(base);
}
function tagProblem(s) {
    const parts = s.split(':');
    let base = s;
    if (parts.length > 1 && !parts[parts.length - 1].includes('/')) {
        const tag = parts[parts.length - 1];
        base = parts.slice(0, -1).join(':');
        if (!TAG_CHARS.test(tag))
            return `${JSON.stringify(tag)} is not a valid tag`;
    }
    return repositoryProblem(base);
}
function repositoryProblem(name) {
    if (name === '')
        return 'no image reference';
    const slash = name.indexOf('/');
    let repo = name;
    if (slash >= 0 && /[.:]/.test(name.slice(0, slash))) {
        const registry = name.slice(0, slash);
        if (!AUTHORITY.test(registry))
            return `${JSON.stringify(registry)} is not a registry host`;
        repo = name.slice(slash + 1);
    }
    if (!REPOSITORY_CHARS.test(repo))
        return `${JSON.stringify(name)} is not a valid image reference (repository names are lower case: a-z 0-9 _ - . /)`;
    return undefined;
}


/***/ }),

/***/ 28466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ FetchBudget),
/* harmony export */   v: () => (/* binding */ MAX_SMALL_BLOB)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _chart_chart_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18892);
/* harmony import */ var _oci_registry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9458);



/** A config blob (the chart's metadata as JSON) or a provenance file: anything larger is not one. */
const MAX_SMALL_BLOB = 1024 * 1024;
/** All that one pull or one comparison downloads: a chart layer (at most Helm's 100 MiB), its config and provenance. */
const MAX_FETCH_BYTES = _chart_chart_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_CHART_BYTES */ .it + 2 * MAX_SMALL_BLOB;
/**
 * The bytes one pull (or one "same chart?" comparison) may fetch in all, taken from each blob's
 * descriptor before it is fetched: the registry client never reads more than a descriptor says, so
 * what the blobs hold in memory together stays within the budget whatever the manifest lists.
 */
class FetchBudget {
    where;
    #left = MAX_FETCH_BYTES;
    constructor(where) {
        this.where = where;
    }
    /** Bytes still allowed: the most a download of unknown size may read. */
    get left() {
        return this.#left;
    }
    take(d) {
        // A size no blob may have is the registry client's to refuse, with its own message, before a byte is read.
        if (!Number.isSafeInteger(d.size) || d.size < 0 || d.size > _oci_registry_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_BLOB_BYTES */ .TP)
            return;
        const size = d.size;
        if (size > this.#left)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`its blobs add up to more than ${MAX_FETCH_BYTES} bytes (${d.digest} is described as ${d.size} bytes): more than a chart holds`, { where: this.where, hint: 'The manifest is not a chart Chartlift downloads: nothing was written' });
        this.#left -= size;
    }
}


/***/ }),

/***/ 18316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CD: () => (/* binding */ decodeGoYaml),
/* harmony export */   Pe: () => (/* binding */ capProblems),
/* harmony export */   YK: () => (/* binding */ problemLine),
/* harmony export */   pS: () => (/* binding */ GO_YAML_BOUNDS)
/* harmony export */ });
/* harmony import */ var _util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63235);
/* harmony import */ var _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34282);


/**
 * What one value may hold: an annotation is a few lines (the largest Artifact Hub documents, a list
 * of images or CRDs, some hundred nodes), an artifacthub-repo.yml a few owners. The same bound counts
 * the nodes the decoding visits, an alias's target once per alias: `*c` repeated 100,000 times over a
 * change of 10,000 links is 10\u2079 visits otherwise, inside a 680 KB annotation.
 */
const GO_YAML_BOUNDS = { maxBytes: 1024 * 1024, maxNodes: 20_000, maxDepth: 64, maxAliases: 1000 };
/** At most this many problems are listed for one value, then how many more there are. */
const MAX_PROBLEMS = 20;
const BOOL_WORDS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);
/**
 * Parses `text` and decodes it into `type` as Go's yaml.Unmarshal would, reporting every place it
 * would fail. Stricter in one way, on purpose: a key the struct does not have is reported (Go's yaml
 * drops it silently, so a misspelt field is lost without a word). Returns the plain value too.
 */
function decodeGoYaml(text, type) {
    let doc;
    try {
        // YAML 1.2's core schema, as yaml.v3 resolves plain scalars; duplicate keys are an error there too.
        doc = (0,_util_bounded_read_js__WEBPACK_IMPORTED_MODULE_0__/* .parseYamlDocuments */ .v)(text, GO_YAML_BOUNDS, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false })[0];
    }
    catch (err) {
        if (!(err instanceof _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_0__/* .BoundsError */ .UI))
            throw err;
        return { value: undefined, problems: [{ path: '', problem: `too large to read: it ${err.message}` }] };
    }
    if (!doc)
        return { value: null, problems: [] };
    if (doc.errors.length > 0)
        return { value: undefined, problems: [{ path: '', problem: `not valid YAML (${firstLine(doc.errors[0].message)})` }] };
    const problems = [];
    const walk = { doc, out: problems, visits: GO_YAML_BOUNDS.maxNodes };
    try {
        decode(walk, doc.contents, type, '');
    }
    catch (err) {
        if (err !== walk)
            throw err;
        return {
            value: undefined,
            problems: [{ path: '', problem: `too large to read: its aliases expand to more than ${GO_YAML_BOUNDS.maxNodes} values` }],
        };
    }
    let value;
    try {
        value = doc.toJS({ maxAliasCount: GO_YAML_BOUNDS.maxAliases });
    }
    catch (err) {
        problems.push({ path: '', problem: firstLine(err.message) });
    }
    return { value, problems };
}
/** The first problems of a list, then how many more there are: one value's report stays readable. */
function capProblems(lines) {
    return lines.length > MAX_PROBLEMS ? [...lines.slice(0, MAX_PROBLEMS), `and ${lines.length - MAX_PROBLEMS} more`] : lines;
}
function decode(walk, node, type, path) {
    if (--walk.visits < 0)
        throw walk;
    const { doc, out } = walk;
    if ((0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_1__/* .yaml */ .oQ)().isAlias(node))
        node = node.resolve(doc);
    if (node === null || node === undefined || ((0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_1__/* .yaml */ .oQ)().isScalar(node) && node.value === null))
        return; // nil: the zero value
    if (type === 'any')
        return;
    const kind = (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_1__/* .yaml */ .oQ)().isMap(node) ? 'a mapping' : (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_1__/* .yaml */ .oQ)().isSeq(node) ? 'a list' : 'a scalar';
    if (type === 'string') {
        if (!(0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_1__/* .yaml */ .oQ)().isScalar(node))
            out.push({ path, problem: `${kind} where a string goes` });
        return;
    }
    if (type === 'bool') {
        const v = (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_1__/* .yaml */ .oQ)().isScalar(node) ? node.value : undefined;
        if (typeof v === 'boolean' || (typeof v === 'string' && node instanceof (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_1__/* .yaml */ .oQ)().Scalar && node.type === 'PLAIN' && BOOL_WORDS.has(v)))
            return;
        out.push({
            path,
            problem: (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_1__/* .yaml */ .oQ)().isScalar(node) ? `${JSON.stringify(String(v))} is not true or false` : `${kind} where true or false goes`,
        });
        return;
    }
    if ('list' in type) {
        if (!(0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_1__/* .yaml */ .oQ)().isSeq(node)) {
            out.push({ path, problem: `${kind} where a list goes` });
            return;
        }
        node.items.forEach((item, i) => decode(walk, item, type.list, `${path}[${i}]`));
        return;
    }
    if (!(0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_1__/* .yaml */ .oQ)().isMap(node)) {
        out.push({ path, problem: `${kind} where a mapping (${Object.keys(type.struct).join(', ')}) goes` });
        return;
    }
    for (const pair of node.items) {
        const key = (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_1__/* .yaml */ .oQ)().isScalar(pair.key) ? String(pair.key.value) : undefined;
        const at = path ? `${path}.${key ?? '?'}` : (key ?? '?');
        if (key === undefined || !(key in type.struct)) {
            out.push({
                path: at,
                problem: `unknown field (Artifact Hub reads ${Object.keys(type.struct).join(', ')}; it would drop this one silently)`,
                unknown: true,
            });
            continue;
        }
        decode(walk, pair.value, type.struct[key], at);
    }
}
/** A problem as one line: `path: problem`. */
function problemLine(p) {
    return p.path ? `${p.path}: ${p.problem}` : p.problem;
}
function firstLine(s) {
    return s.split('\n')[0].trim();
}


/***/ }),

/***/ 86690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* reexport safe */ _oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__.YH),
/* harmony export */   z: () => (/* binding */ MediaType)
/* harmony export */ });
/* harmony import */ var _oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29217);


/** Helm's chart artifact: its config, chart layer (modern and legacy) and provenance types, with OCI's. */
const MediaType = {
    ..._oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .OciMediaType */ .OH,
    config: 'application/vnd.cncf.helm.config.v1+json',
    chart: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
    legacyChart: 'application/tar+gzip',
    provenance: 'application/vnd.cncf.helm.chart.provenance.v1.prov',
};


/***/ }),

/***/ 72781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $H: () => (/* binding */ readChartConfig),
/* harmony export */   Y6: () => (/* binding */ CONFIG_JSON),
/* harmony export */   j$: () => (/* binding */ parseChartManifest),
/* harmony export */   lR: () => (/* binding */ MANIFEST_JSON)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68825);
/* harmony import */ var _chart_metadata_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96655);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86690);
/* harmony import */ var _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(34282);





const CHART_LAYERS = [_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .z.chart, _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .z.legacyChart];
/** A chart manifest is a few dozen values (4 MiB is the registry client's limit on any manifest). */
const MANIFEST_JSON = { maxBytes: 4 * 1024 * 1024, maxNodes: 10_000, maxDepth: 32 };
/** A chart config is Chart.yaml as JSON (1 MiB is the most a config blob may be). */
const CONFIG_JSON = { maxBytes: 1024 * 1024, maxNodes: 50_000, maxDepth: 64 };
/** Checks that a manifest is a Helm chart: OCI image manifest, Helm config, one chart layer, nothing unknown. */
function parseChartManifest(body, where) {
    let manifest;
    try {
        manifest = (0,_util_bounded_read_js__WEBPACK_IMPORTED_MODULE_4__/* .readJson */ .Vh)(body.toString('utf8'), MANIFEST_JSON);
    }
    catch (err) {
        if (err instanceof _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_4__/* .BoundsError */ .UI)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the manifest ${err.message}: no chart manifest does`, { where });
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('the manifest is not JSON', { where });
    }
    if (manifest?.schemaVersion !== 2 || !isObject(manifest.config) || !Array.isArray(manifest.layers) || !manifest.layers.every(isObject))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('not an OCI image manifest', { where });
    // Every digest parsed here, once, before any of them names a cache file or a request.
    (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .checkDescriptor */ .YW)(manifest.config, 'the config', where);
    manifest.layers.forEach((l, i) => (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .checkDescriptor */ .YW)(l, `layer ${i + 1}'s`, where));
    if (manifest.mediaType && manifest.mediaType !== _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .z.manifest)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`not a chart: manifest type ${manifest.mediaType}`, {
            where,
            hint: 'This reference holds something other than a Helm chart',
        });
    if (manifest.config.mediaType !== _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .z.config) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`not a Helm chart: its config is ${manifest.config.mediaType}`, {
            where,
            hint: 'This reference holds something other than a Helm chart (a container image?)',
        });
    }
    // Helm writes one chart layer and at most one provenance layer: a longer list is refused before
    // anything is downloaded (a 4 MiB manifest can name one large blob twenty thousand times).
    if (manifest.layers.length > 2)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the manifest lists ${manifest.layers.length} layers; a chart has one chart layer and at most one provenance layer`, {
            where,
            hint: 'This reference does not hold a chart Helm pushes: nothing was downloaded',
        });
    if (manifest.layers.some((l) => typeof l !== 'object' || l === null || typeof l.mediaType !== 'string'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('the manifest lists a layer that is not a descriptor', { where });
    const charts = manifest.layers.filter((l) => CHART_LAYERS.includes(l.mediaType));
    if (charts.length !== 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`a chart needs exactly one chart layer, this one has ${charts.length}`, { where });
    const unknown = manifest.layers.filter((l) => !CHART_LAYERS.includes(l.mediaType) && l.mediaType !== _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .z.provenance);
    if (unknown.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`unknown layer type ${unknown[0].mediaType}`, { where, hint: 'Only chart and provenance layers are accepted' });
    return { manifest, chartLayer: charts[0], provLayer: manifest.layers.find((l) => l.mediaType === _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .z.provenance) };
}
/**
 * The name and version a pulled config claims, checked before anything is saved or a folder named
 * after them: JSON, a name that is one path element of printable characters, a version Helm reads.
 */
function readChartConfig(config, where) {
    let meta;
    try {
        meta = (0,_util_bounded_read_js__WEBPACK_IMPORTED_MODULE_4__/* .readJson */ .Vh)(config.toString('utf8'), CONFIG_JSON);
    }
    catch (err) {
        if (err instanceof _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_4__/* .BoundsError */ .UI)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the chart config ${err.message}`, { where, hint: 'This reference does not hold a usable Helm chart' });
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('the chart config is not JSON', { where, hint: 'This reference does not hold a usable Helm chart' });
    }
    const { name, version } = (meta ?? {});
    // Helm writes the name it sanitised (sanitizeString): a name holding what Helm drops (bidi controls,
    // zero-width characters) or changes was not written by Helm, and would name a folder deceptively.
    if (typeof name !== 'string' || !CHART_NAME.test(name) || name === '.' || name === '..' || (0,_chart_metadata_js__WEBPACK_IMPORTED_MODULE_2__/* .sanitize */ .aj)(name) !== name)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the chart config names the chart ${JSON.stringify(name)}, which is not a chart name`, {
            where,
            hint: 'A chart name is one path element of printable characters: this chart is broken or hostile',
        });
    if (typeof version !== 'string' || !(0,_chart_metadata_js__WEBPACK_IMPORTED_MODULE_2__/* .isHelmVersion */ .VV)(version))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the chart config gives the version ${JSON.stringify(version)}, which is not a version`, {
            where,
            hint: 'This reference does not hold a usable Helm chart',
        });
    return { name, version };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** One path element, printable, no separators: what a folder may be named after. */
// eslint-disable-next-line no-control-regex
const CHART_NAME = /^[^/\\\u0000-\u001f\u007f-\u009f]{1,250}$/u;


/***/ }),

/***/ 43178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fT: () => (/* binding */ assemble),
/* harmony export */   qP: () => (/* binding */ checkDependencies),
/* harmony export */   rs: () => (/* binding */ unmetSubchartDependencies)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _util_bytes_order_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(48146);
/* harmony import */ var _lock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83621);
/* harmony import */ var _metadata_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96655);
/* harmony import */ var _go_values_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7475);
/* harmony import */ var _yaml_error_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46994);
/* harmony import */ var _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(34282);







/**
 * Loads a chart from archive-relative files, as Helm's LoadFiles does; `origin` names it in errors.
 * Like Helm's loader it does not check declared dependencies: `helm package` checks only the top
 * chart's (`checkDependencies`), so a subchart may lean on a library chart its parent vendors.
 */
async function assemble(files, origin, loadArchive) {
    const chartYaml = files.find((f) => f.name === 'Chart.yaml');
    if (!chartYaml) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('no Chart.yaml found', {
            where: origin,
            hint: 'Give the folder that holds Chart.yaml, or a packaged .tgz',
            code: 'no-chart-yaml',
        });
    }
    const md = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_2__/* .emptyMetadata */ .fs)();
    await (0,_metadata_js__WEBPACK_IMPORTED_MODULE_2__/* .readMetadataYaml */ .T)(chartYaml.data.toString('utf8'), md, `${origin}/Chart.yaml`);
    if (md.apiVersion === '')
        md.apiVersion = 'v1';
    const chart = { metadata: md, templates: [], files: [], dependencies: [] };
    const subcharts = new Map();
    for (const f of files) {
        const where = `${origin}/${f.name}`;
        switch (true) {
            case f.name === 'Chart.yaml':
                break;
            case f.name === 'Chart.lock':
                chart.lock = await (0,_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .readLock */ .mF)(f.data, where);
                break;
            case f.name === 'values.yaml':
                await checkValues(f.data, where);
                chart.values = f.data;
                break;
            case f.name === 'values.schema.json':
                checkJson(f.data, where);
                chart.schema = f.data;
                break;
            case f.name === 'requirements.yaml':
                await (0,_metadata_js__WEBPACK_IMPORTED_MODULE_2__/* .readMetadataYaml */ .T)(f.data.toString('utf8'), md, where);
                if (md.apiVersion === 'v1')
                    chart.files.push(f);
                break;
            case f.name === 'requirements.lock':
                chart.lock = await (0,_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .readLock */ .mF)(f.data, where);
                if (md.apiVersion === 'v1')
                    chart.files.push(f);
                break;
            case f.name.startsWith('templates/'):
                chart.templates.push(f);
                break;
            case f.name.startsWith('charts/'): {
                if (f.name.endsWith('.prov')) {
                    chart.files.push(f);
                    break;
                }
                const rest = f.name.slice('charts/'.length);
                const slash = rest.indexOf('/');
                const key = slash < 0 ? rest : rest.slice(0, slash);
                const group = subcharts.get(key) ?? [];
                group.push({ name: rest, data: f.data });
                subcharts.set(key, group);
                break;
            }
            default:
                chart.files.push(f);
        }
    }
    (0,_metadata_js__WEBPACK_IMPORTED_MODULE_2__/* .validateMetadata */ .aR)(md, `${origin}/Chart.yaml`);
    // Helm walks a Go map here (a random order); sorting by entry name makes the archive reproducible.
    for (const key of [...subcharts.keys()].sort(_util_bytes_order_js__WEBPACK_IMPORTED_MODULE_6__/* .compareBytes */ .X)) {
        if (key.startsWith('_') || key.startsWith('.'))
            continue;
        const group = subcharts.get(key) ?? [];
        const where = `${origin}/charts/${key}`;
        if (key.endsWith('.tgz')) {
            if (group[0].name !== key)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('a folder is named like an archive', { where, hint: 'Rename the folder so it does not end in .tgz' });
            chart.dependencies.push({ ...(await loadArchive(group[0].data, where)), origin: key });
            continue;
        }
        const inner = group.filter((f) => f.name.includes('/')).map((f) => ({ name: f.name.slice(key.length + 1), data: f.data }));
        if (inner.length === 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('is not a chart', {
                where,
                hint: 'charts/ holds subcharts only (folders with a Chart.yaml, or .tgz files): move the file elsewhere or list it in .helmignore',
            });
        }
        chart.dependencies.push({ ...(await assemble(inner, where, loadArchive)), origin: key });
    }
    return chart;
}
/** `helm package` refuses a chart whose Chart.yaml names dependencies that charts/ lacks. */
function checkDependencies(chart, origin) {
    const present = new Set(chart.dependencies.map((d) => d.metadata.name));
    const missing = chart.metadata.dependencies.filter((d) => !present.has(d.name)).map((d) => d.name);
    if (missing.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`dependencies declared in Chart.yaml are missing from charts/: ${missing.join(', ')}`, {
            where: origin,
            hint: 'Vendor them first (helm dependency build) or remove them from Chart.yaml',
        });
    }
}
/**
 * Dependencies that a subchart (at any depth) declares and that neither it nor any chart above it
 * vendors. Helm packages such a chart; templates that use them fail only when rendered, so these are
 * worth a warning, not a refusal. One that a chart above vendors is met: Helm shares every chart's
 * templates (bitnami's subcharts rely on their parent's `common` this way).
 */
function unmetSubchartDependencies(chart, at = '', above = new Set()) {
    const here = new Set([...above, ...chart.dependencies.map((d) => d.metadata.name)]);
    const out = [];
    for (const sub of chart.dependencies) {
        const where = `${at}charts/${sub.origin ?? sub.metadata.name}`;
        const vendored = new Set([...here, ...sub.dependencies.map((d) => d.metadata.name)]);
        for (const d of sub.metadata.dependencies) {
            if (!vendored.has(d.name))
                out.push(`${where} declares the dependency ${JSON.stringify(d.name)}, which no chart vendors`);
        }
        out.push(...unmetSubchartDependencies(sub, `${where}/`, here));
    }
    return out;
}
async function checkValues(data, where) {
    try {
        await (0,_go_values_js__WEBPACK_IMPORTED_MODULE_3__/* .checkValuesYaml */ .Iq)(data.toString('utf8'));
    }
    catch (err) {
        if (err instanceof _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_5__/* .BoundsError */ .UI)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`too large to check: it ${err.message}`, {
                where,
                hint: `Chartlift checks values files of up to ${_util_bounded_read_js__WEBPACK_IMPORTED_MODULE_5__/* .CHART_YAML_BOUNDS */ .xW.maxNodes} nodes: move bulk data into a file the templates read (.Files.Get)`,
            });
        if (!(err instanceof _go_values_js__WEBPACK_IMPORTED_MODULE_3__/* .GoYamlError */ .oy))
            throw err;
        if (err.position)
            throw (0,_yaml_error_js__WEBPACK_IMPORTED_MODULE_4__/* .yamlSyntaxError */ .r)(err, where, 'Fix the values file: Helm cannot load it either');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`invalid values: ${err.message}`, { where, hint: 'Fix the values file: Helm cannot load it either' });
    }
}
/** values.schema.json: 500,000 values (about 60 MiB parsed) is far beyond any schema. */
const SCHEMA_JSON = { maxBytes: 5 * 1024 * 1024, maxNodes: 500_000, maxDepth: 256 };
function checkJson(data, where) {
    try {
        (0,_util_bounded_read_js__WEBPACK_IMPORTED_MODULE_5__/* .readJson */ .Vh)(data.toString('utf8'), SCHEMA_JSON);
    }
    catch (err) {
        if (err instanceof _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_5__/* .BoundsError */ .UI)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`too large to check: it ${err.message}`, {
                where,
                hint: `Chartlift checks schemas of up to ${SCHEMA_JSON.maxNodes} values`,
            });
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`invalid JSON: ${err.message}`, { where, hint: 'values.schema.json must be valid JSON Schema' });
    }
}


/***/ }),

/***/ 18892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HS: () => (/* binding */ MAX_ARCHIVE_ENTRIES),
/* harmony export */   gZ: () => (/* binding */ MAX_FILE_BYTES),
/* harmony export */   it: () => (/* binding */ MAX_CHART_BYTES),
/* harmony export */   uH: () => (/* binding */ UnpackBudget)
/* harmony export */ });
/** Helm's per-file limit (MaxDecompressedFileSize) and per-chart limit (MaxDecompressedChartSize). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_CHART_BYTES = 100 * 1024 * 1024;
const MAX_ARCHIVE_ENTRIES = 20_000;
/**
 * What one chart may unpack to, nested archives (charts/*.tgz, at any depth) included: Helm's
 * 100 MiB, shared by every archive of the chart, so thirty small bombs cannot add up.
 */
class UnpackBudget {
    remaining = MAX_CHART_BYTES;
    take(bytes) {
        this.remaining -= bytes;
    }
}


/***/ }),

/***/ 7475:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AZ: () => (/* binding */ goJsonString),
/* harmony export */   Iq: () => (/* binding */ checkValuesYaml),
/* harmony export */   W2: () => (/* binding */ goStructJson),
/* harmony export */   WF: () => (/* binding */ goString),
/* harmony export */   a_: () => (/* binding */ readGoYaml),
/* harmony export */   d0: () => (/* binding */ parseGoYaml),
/* harmony export */   jg: () => (/* binding */ RawJson),
/* harmony export */   oy: () => (/* binding */ GoYamlError),
/* harmony export */   sE: () => (/* binding */ goFields)
/* harmony export */ });
/* unused harmony exports checkGoValues, goNumber */
/* harmony import */ var _util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63235);
/* harmony import */ var _simple_yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75938);
/* harmony import */ var _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34282);



/**
 * How Helm reads YAML into its Go structs (sigs.k8s.io/yaml over go-yaml v2): YAML 1.1 scalars
 * (`yes`/`on` are booleans), no timestamps or sexagesimals, and a number or boolean that lands in
 * a string field becomes Go's text for it (`appVersion: 1.10` is the string "1.1").
 */
const DROPPED_TAGS = new Set(['tag:yaml.org,2002:timestamp']);
/**
 * go-yaml's float rule (resolve.go): `_` dropped, then yamlStyleFloat, which needs a digit before or
 * after the point. The `yaml` package's YAML 1.1 floats also take `.` and `-.`, so an unquoted `.` (a
 * chart's appVersion, import-values' `parent: .`) became NaN where Helm keeps the string ".".
 */
const DIGITS = '[0-9_]*[0-9][0-9_]*';
const MANTISSA = `[-+]?_*(?:\\.${DIGITS}|[0-9][0-9_]*(?:\\.[0-9_]*)?)`;
const GO_FLOAT = new RegExp(`^${MANTISSA}$`);
const GO_FLOAT_EXP = new RegExp(`^${MANTISSA}[eE][-+]?${DIGITS}$`);
const FLOAT = 'tag:yaml.org,2002:float';
/**
 * A YAML float as go-yaml decodes it (a float64), kept apart from an int of the same value: Go writes
 * a float into a string field with FormatFloat('g', 32) (`icon: 1e6` is "1e+06"), an int in decimal.
 */
class GoFloat {
    value;
    constructor(value) {
        this.value = value;
    }
    toString() {
        return goFloat32(this.value);
    }
}
function goScalarTag(t) {
    const tag = t;
    if (tag.tag !== FLOAT || !tag.resolve)
        return t;
    const resolve = tag.resolve.bind(tag);
    const test = !tag.test || /inf|nan/i.test(tag.test.source) ? tag.test : tag.format === 'EXP' ? GO_FLOAT_EXP : GO_FLOAT;
    return { ...tag, test, resolve: (...args) => new GoFloat(Number(resolve(...args))) };
}
/** parseGoYaml's value: by simple-yaml.ts where the file is in its subset, else with the library. */
async function readGoYaml(text) {
    const simple = (0,_simple_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .readSimpleYaml */ .C)(text, 'read');
    if (simple)
        return simple.value;
    await (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .loadYaml */ .yv)();
    return parseGoYaml(text);
}
/** checkGoValues: by simple-yaml.ts where the file is in its subset, else with the library. */
async function checkValuesYaml(text) {
    if ((0,_simple_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .readSimpleYaml */ .C)(text, 'check'))
        return;
    await (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .loadYaml */ .yv)();
    checkGoValues(text);
}
/**
 * A YAML file read as Helm reads Chart.yaml, Chart.lock and requirements (sigs.k8s.io/yaml over
 * go-yaml): the first document only, duplicate keys allowed (the last wins), and only what converts
 * to JSON (no null or collection map keys, no infinities or NaN).
 */
function parseGoYaml(text) {
    const doc = parseGoYamlDocuments(text)[0];
    if (!doc)
        return null;
    checkJsonable(doc.contents);
    applyGoMerges(doc.contents, new Set(), (alias) => alias.resolve(doc));
    stringifyFloatKeys(doc.contents);
    return doc.toJS({ maxAliasCount: 1000 });
}
/**
 * YAML 1.1 merge keys as go-yaml v2 applies them (decode.go, mapping and merge): in the mapping's order,
 * a `<<` sets every key of the map it names (or of each map of a list, the first winning), over what
 * came before it, and a key after it sets its own value over the merged one. The `yaml` package follows
 * the spec instead (an explicit key always wins), so `appVersion: 1.2.3` then `<<: {appVersion: 6.6.6}`
 * read as 1.2.3 here and as 6.6.6 in Helm. Done on the syntax tree, each mapping once.
 */
function applyGoMerges(node, done, resolveAlias) {
    if ((0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isAlias(node) || done.has(node))
        return;
    done.add(node);
    if ((0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isSeq(node))
        return node.items.forEach((n) => applyGoMerges(n, done, resolveAlias));
    if (!(0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isMap(node))
        return;
    const merged = new Map();
    let hasMerge = false;
    for (const pair of node.items) {
        applyGoMerges(pair.value, done, resolveAlias);
        const key = (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isScalar(pair.key) ? pair.key.value : pair.key;
        // The `yaml` package reads a plain `<<` as its merge key (a symbol), whatever its `merge` option.
        const isMerge = (key === '<<' || (typeof key === 'symbol' && key.description === '<<')) && (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isScalar(pair.key) && pair.key.type === 'PLAIN';
        if (isMerge) {
            hasMerge = true;
            for (const source of mergeSources(pair.value, done, resolveAlias))
                for (const p of source.items)
                    merged.set((0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isScalar(p.key) ? p.key.value : p.key, p);
        }
        else
            merged.set(key, pair);
    }
    if (hasMerge)
        node.items = [...merged.values()];
}
/** The maps a `<<` names: one map, or each map of a list (the last first, so that the first wins), aliases resolved. */
function mergeSources(value, done, resolveAlias) {
    const resolve = (n) => ((0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isAlias(n) ? resolveAlias(n) : n);
    const v = resolve(value);
    const maps = (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isSeq(v) ? [...v.items].reverse().map(resolve) : [v];
    for (const m of maps) {
        if (!(0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isMap(m))
            throw new GoYamlError('map merge requires map or sequence of maps as the value');
        applyGoMerges(m, done, resolveAlias);
    }
    return maps;
}
/** Float map keys become their text first, as sigs.k8s.io/yaml writes them (JSON keys are strings). */
function stringifyFloatKeys(node) {
    if ((0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isMap(node)) {
        for (const pair of node.items) {
            if ((0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isScalar(pair.key) && pair.key.value instanceof GoFloat)
                pair.key.value = String(pair.key.value);
            stringifyFloatKeys(pair.value);
        }
    }
    else if ((0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isSeq(node))
        node.items.forEach(stringifyFloatKeys);
}
/**
 * Checks a values file as Helm 4 loads it (every document, each a map or empty, merged), on the
 * syntax tree: values files are only validated, and converting them to objects would cost more.
 * Helm 3 reads only the first document; the archive keeps the file's bytes, so each Helm reads it
 * as it would read `helm package`'s. Throws what is wrong.
 */
function checkGoValues(text) {
    for (const doc of parseGoYamlDocuments(text)) {
        const root = doc.contents;
        if (!(root === null || (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isMap(root) || ((0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isScalar(root) && root.value === null)))
            throw new GoYamlError('values must be a map at the top level');
        checkJsonable(root);
    }
}
/** A YAML file Helm cannot read, with its reason in Go's words where that helps. */
class GoYamlError extends Error {
    position;
    constructor(message, 
    /** Where the parser stopped (1-based), for a syntax error. */
    position) {
        super(message);
        this.position = position;
    }
}
/** Within CHART_YAML_BOUNDS: past them a BoundsError, before any tree is built. */
function parseGoYamlDocuments(text) {
    const list = (0,_util_bounded_read_js__WEBPACK_IMPORTED_MODULE_0__/* .parseYamlDocuments */ .v)(text, _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_0__/* .CHART_YAML_BOUNDS */ .xW, {
        version: '1.1',
        uniqueKeys: false,
        customTags: (tags) => tags
            .filter((t) => {
            const tag = t;
            return !DROPPED_TAGS.has(tag.tag ?? '') && tag.format !== 'TIME';
        })
            .map(goScalarTag),
    });
    for (const doc of list)
        if (doc.errors.length > 0)
            throw new GoYamlError(doc.errors[0].message.split('\n')[0], doc.errors[0].linePos?.[0]);
    return list;
}
/** What sigs.k8s.io/yaml refuses when it turns YAML into JSON. */
function checkJsonable(node, at = '') {
    if ((0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isMap(node)) {
        for (const pair of node.items) {
            const key = pair.key;
            if ((0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isCollection(key))
                throw new GoYamlError(`invalid map key${at ? ` under ${at}` : ''}: a ${(0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isMap(key) ? 'map' : 'list'}`);
            const value = (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isScalar(key) ? key.value : key;
            if (value === null || value === undefined)
                throw new GoYamlError(`unsupported map key${at ? ` under ${at}` : ''}: null`);
            checkJsonable(pair.value, at ? `${at}.${String(value)}` : String(value));
        }
    }
    else if ((0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isSeq(node)) {
        node.items.forEach((item, i) => checkJsonable(item, `${at}[${i}]`));
    }
    else if ((0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yaml */ .oQ)().isScalar(node) && node.value instanceof GoFloat && !Number.isFinite(node.value.value)) {
        throw new GoYamlError(`unsupported value${at ? ` at ${at}` : ''}: ${node.source ?? String(node.value)} (JSON has no infinity or NaN)`);
    }
}
/** The string Go stores for a scalar decoded into a `string` field. */
function goString(value, field) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'string')
        return value;
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    if (typeof value === 'number')
        return goNumber(value);
    if (value instanceof GoFloat)
        return goFloat32(value.value);
    if (typeof value === 'bigint')
        return value.toString();
    throw new TypeError(`${field} must be a string, not ${Array.isArray(value) ? 'a list' : 'a map'}`);
}
/** Integers in decimal; other numbers as Go's strconv.FormatFloat(v, 'g', -1, 32). */
function goNumber(v) {
    if (Number.isInteger(v) && Math.abs(v) < 1e21)
        return String(v);
    return goFloat32(v);
}
/** Go's strconv.FormatFloat(v, 'g', -1, 32): what sigs.k8s.io/yaml writes for a float in a string field. */
function goFloat32(v) {
    if (v === 0)
        return Object.is(v, -0) ? '-0' : '0';
    if (!Number.isFinite(v))
        return Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
    const f = Math.fround(v);
    let digits = '';
    let exp = 0;
    for (let p = 1; p <= 9; p++) {
        const s = f.toExponential(p - 1);
        if (Math.fround(Number(s)) === f) {
            const [mant, e] = s.split('e');
            digits = mant.replace('-', '').replace('.', '').replace(/0+$/, '') || '0';
            exp = Number(e);
            break;
        }
    }
    const sign = f < 0 ? '-' : '';
    if (exp < -4 || exp >= 6) {
        const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
        const e = Math.abs(exp).toString().padStart(2, '0');
        return `${sign}${mant}e${exp < 0 ? '-' : '+'}${e}`;
    }
    if (exp < 0)
        return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
    const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const frac = digits.slice(exp + 1);
    return frac ? `${sign}${whole}.${frac}` : `${sign}${whole}`;
}
/**
 * A key as encoding/json folds it to match an ASCII field name (bytes.EqualFold, unicode.SimpleFold):
 * ASCII letters in either case, and the two other letters that fold to ASCII ones, U+017F (\u017f, to s) and
 * U+212A (the Kelvin sign, to k). Lower-cased, so that `appVer\u017fion` matches appVersion as Helm finds it.
 */
function goFold(key) {
    return key
        .replace(/\u017f/g, 's')
        .replace(/\u212a/g, 'k')
        .toLowerCase();
}
/**
 * Go's encoding/json key matching: keys are visited in sorted order (the YAML map went through a
 * JSON object first), an exact name or a case-insensitive one fills a field, and the last one wins.
 */
function goFields(obj, names) {
    const out = new Map();
    const keys = Object.keys(obj).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    for (const key of keys) {
        const name = names.find((n) => n === key) ?? names.find((n) => n.toLowerCase() === goFold(key));
        if (name !== undefined)
            out.set(name, obj[key]);
    }
    return out;
}
/** Go's encoding/json string: JSON.stringify plus Go's escapes for <, >, &, U+2028 and U+2029. */
function goJsonString(s) {
    return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** Go's encoding/json for decoded data (interface{} values): map keys sorted by their bytes. */
function goJson(value) {
    if (value === null || value === undefined)
        return 'null';
    if (typeof value === 'string')
        return goJsonString(value);
    if (typeof value === 'number')
        return JSON.stringify(value);
    if (value instanceof GoFloat)
        return JSON.stringify(value.value);
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    if (Array.isArray(value))
        return `[${value.map((v) => goJson(v)).join(',')}]`;
    const entries = Object.entries(value);
    entries.sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    return `{${entries.map(([k, v]) => `${goJsonString(k)}:${goJson(v)}`).join(',')}}`;
}
/** A Go struct's JSON: fields in declaration order; `undefined` stands for an omitted (empty) field. */
function goStructJson(fields) {
    const parts = fields.filter(([, v]) => v !== undefined).map(([k, v]) => `${goJsonString(k)}:${encodeField(v)}`);
    return `{${parts.join(',')}}`;
}
/** A field value is either raw JSON already encoded (a nested struct) or data. */
class RawJson {
    text;
    constructor(text) {
        this.text = text;
    }
}
function encodeField(v) {
    if (v instanceof RawJson)
        return v.text;
    if (Array.isArray(v) && v.some((x) => x instanceof RawJson))
        return `[${v.map(encodeField).join(',')}]`;
    return goJson(v);
}


/***/ }),

/***/ 39828:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wc: () => (/* binding */ WARM_BYTES),
/* harmony export */   e7: () => (/* binding */ gzipParallel),
/* harmony export */   pp: () => (/* binding */ warmGzipWorkers)
/* harmony export */ });
/* unused harmony exports gzipWorkerCount, closeGzipWorkers, piecesOf */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_worker_entry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83561);
/* harmony import */ var _gzip_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(90911);



/** Below this many members, this thread alone is as quick as with workers (each takes ~60 ms to start). */
const MIN_MEMBERS_FOR_WORKERS = 4;
/** The chart loader starts the workers once it has read this much: they are ready when the tar is. */
const WARM_BYTES = MIN_MEMBERS_FOR_WORKERS * _gzip_js__WEBPACK_IMPORTED_MODULE_1__/* .MEMBER_BYTES */ .t7;
const MAX_WORKERS = 7;
/**
 * On 2 cores one worker gained the large chart (20 MB) about 70 ms of 920 and cost 47 MiB (a thread
 * of its own, the members copied to it and back): this thread compresses alone there. From 3 cores
 * on, the workers take most of the compressing.
 */
const MIN_CORES_FOR_WORKERS = 3;
/** Members sent to a worker ahead of its answers, so that it never waits for this thread, which compresses too. */
const IN_FLIGHT = 2;
/**
 * What a gzip worker runs: a script that starts gzip-worker.ts in a worker thread. The bundle names
 * its own entry (src/bundle.ts), since its chunks cannot be started on their own; without one (the
 * library run from its sources) the members are compressed on this thread, to the same bytes.
 */
function workerScript() {
    return (0,_util_worker_entry_js__WEBPACK_IMPORTED_MODULE_2__/* .workerEntry */ .x)();
}
/** Worker threads that compress members, shared by every archive of the run; idle, they keep no process alive. */
class GzipPool {
    #workers = [];
    #seq = 0;
    constructor(script, count) {
        // Loaded here: only an archive over 4 MiB needs it.
        const { Worker } = process.getBuiltinModule('node:worker_threads');
        for (let i = 0; i < count; i++) {
            const w = { worker: new Worker(script, { argv: ['--chartlift-gzip-worker'] }), jobs: new Map() };
            w.worker.unref();
            w.worker.on('message', (m) => {
                const job = w.jobs.get(m.id);
                w.jobs.delete(m.id);
                if (w.jobs.size === 0)
                    w.worker.unref();
                job?.resolve(Buffer.from(m.member.buffer, m.member.byteOffset, m.member.byteLength));
            });
            const fail = (err) => {
                const at = this.#workers.indexOf(w);
                if (at >= 0)
                    this.#workers.splice(at, 1); // 'error' and then 'exit' both come
                for (const job of w.jobs.values())
                    job.reject(err);
                w.jobs.clear();
            };
            w.worker.on('error', fail);
            w.worker.on('exit', (code) => fail(new Error(`a gzip worker stopped (exit code ${code})`)));
            this.#workers.push(w);
        }
    }
    /** A worker with room for one more member, if any. */
    free() {
        return this.#workers.find((w) => w.jobs.size < IN_FLIGHT);
    }
    get size() {
        return this.#workers.length;
    }
    async close() {
        await Promise.all(this.#workers.map((w) => w.worker.terminate()));
    }
    compress(w, bytes) {
        const id = this.#seq++;
        if (w.jobs.size === 0)
            w.worker.ref();
        return new Promise((resolve, reject) => {
            w.jobs.set(id, { resolve, reject });
            // Copied to the worker: this thread keeps the member until its answer, to compress it itself
            // should the worker stop (at most IN_FLIGHT members a worker).
            w.worker.postMessage({ id, data: bytes });
        });
    }
}
let pool;
let decided = false;
/**
 * Starts the workers (one per core but this thread's) if the machine has more than one core and the
 * bundle named their script; at most once. Called as soon as an archive is known to be large.
 */
function warmGzipWorkers(cores = node_os__WEBPACK_IMPORTED_MODULE_0___default().availableParallelism()) {
    if (decided)
        return;
    decided = true;
    const script = workerScript();
    const count = cores < MIN_CORES_FOR_WORKERS ? 0 : Math.min(cores - 1, MAX_WORKERS);
    if (script && count > 0)
        pool = new GzipPool(script, count);
}
/** How many workers compress members (0: this thread alone). */
function gzipWorkerCount() {
    return pool?.size ?? 0;
}
/** Stops the workers, if any were started (they never keep a process alive; this frees them sooner). */
async function closeGzipWorkers() {
    const p = pool;
    pool = undefined;
    decided = false;
    await p?.close();
}
/** `data`'s pieces of MEMBER_BYTES, as views of it (an archive's pieces are tar-writer.ts's tarPieces). */
function piecesOf(data) {
    let at = 0;
    return {
        count: Math.max(1, Math.ceil(data.length / MEMBER_BYTES)),
        next: () => data.subarray(at, (at += MEMBER_BYTES)),
    };
}
/**
 * gzip.ts's `gzipReproducible` of the pieces' bytes, one member a piece, compressed across the
 * machine's cores: this thread and the workers take the next piece as they finish one. The bytes are
 * the same whatever the number of cores, since what each member holds does not depend on it; and the
 * archive is never held whole, only the pieces in flight and the members made.
 */
async function gzipParallel(pieces) {
    // This thread's pieces are made over one buffer: a piece a member would leave 1 MiB of garbage each
    // (a 20 MB archive's worth before a collection comes), where the members are all that is kept.
    const scratch = pieces.count > 1 ? new Uint8Array(_gzip_js__WEBPACK_IMPORTED_MODULE_1__/* .MEMBER_BYTES */ .t7) : undefined;
    const wide = pieces.count >= MIN_MEMBERS_FOR_WORKERS;
    if (wide)
        warmGzipWorkers();
    const workers = wide ? pool : undefined;
    if (!workers)
        return gzipInOrder(pieces, scratch);
    const members = new Array(pieces.count);
    let next = 0;
    const sent = [];
    const feed = () => {
        for (let w = workers.free(); next < pieces.count && w; w = workers.free()) {
            const i = next++;
            const piece = pieces.next();
            const done = workers.compress(w, piece).then((m) => {
                members[i] = m;
                feed();
            }, 
            // A worker that stopped (it has left the pool): its member is compressed here, to the same bytes.
            () => void (members[i] = (0,_gzip_js__WEBPACK_IMPORTED_MODULE_1__/* .gzipMember */ .Z5)(piece)));
            sent.push(done);
        }
    };
    feed();
    // This thread compresses too, between the workers' answers.
    while (next < pieces.count) {
        const i = next++;
        members[i] = (0,_gzip_js__WEBPACK_IMPORTED_MODULE_1__/* .gzipMember */ .Z5)(pieces.next(scratch));
        feed();
        await new Promise((r) => setImmediate(r));
    }
    for (let k = 0; k < sent.length; k++)
        await sent[k];
    return Buffer.concat(members);
}
/**
 * The members made on this thread alone, each written after the last into one buffer as it is made:
 * members joined at the end would hold the archive twice. The buffer starts at half the tar's size
 * (text compresses to less) and grows by half when a member does not fit.
 */
function gzipInOrder(pieces, scratch) {
    if (pieces.count === 1)
        return (0,_gzip_js__WEBPACK_IMPORTED_MODULE_1__/* .gzipMember */ .Z5)(pieces.next());
    let out = Buffer.allocUnsafe((pieces.count * _gzip_js__WEBPACK_IMPORTED_MODULE_1__/* .MEMBER_BYTES */ .t7) >>> 1);
    let used = 0;
    for (let i = 0; i < pieces.count; i++) {
        const member = (0,_gzip_js__WEBPACK_IMPORTED_MODULE_1__/* .compressMember */ .Nx)(pieces.next(scratch));
        if (used + member.length > out.length) {
            const grown = Buffer.allocUnsafe(Math.max(used + member.length, Math.ceil(out.length * 1.5)));
            out.copy(grown, 0, 0, used);
            out = grown;
        }
        member.writeTo(out, used);
        used += member.length;
    }
    return out.subarray(0, used);
}


/***/ }),

/***/ 82141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ isWithin),
/* harmony export */   Z: () => (/* binding */ linkBoundary)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * How far a chart folder's symbolic links may lead: the workspace when the chart is inside it
 * (a face gives it: the runner's checkout for the action), else the root of the git work tree holding the chart, else the
 * chart folder itself. Helm follows every link (a monorepo shares subcharts by linking them into
 * charts/); a link out of the repository could publish any file of the machine.
 */
function linkBoundary(chartDir, workspace) {
    const chart = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(chartDir);
    if (workspace) {
        const ws = realOrSelf(workspace);
        if (isWithin(chart, ws))
            return ws;
    }
    for (let dir = chart;; dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir)) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, '.git')))
            return dir;
        if (node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir) === dir)
            return chart;
    }
}
function isWithin(target, root) {
    return target === root || target.startsWith(root.endsWith((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)) ? root : root + (node_path__WEBPACK_IMPORTED_MODULE_1___default().sep));
}
function realOrSelf(p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(p);
    }
    catch {
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(p);
    }
}


/***/ }),

/***/ 75189:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  h: () => (/* binding */ readChartArchive)
});

// UNUSED EXPORTS: goCleanPath

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/chart/tar-reader.ts
/**
 * A strict streaming tar reader for chart archives. It reads what Go's archive/tar (Helm's reader)
 * reads, the same way, on a well-formed subset: USTAR (prefix joined), GNU (prefix not used) and v7
 * headers, checksum signed or unsigned, octal or base-256 numbers, PAX `x` records applied to the
 * next entry, GNU `L` long names. Whatever two tar readers could read differently is refused, not
 * guessed: sparse files, `S`/`K`/`V`/`M`/`7` entries, PAX keys beyond the harmless ones, a long name
 * and a PAX path for one entry, a regular entry whose name ends in `/` or whose mode says another
 * kind of file, a folder entry with data, STAR headers, a global header that says more than a
 * comment or a time.
 */
const BLOCK = 512;
/** Go's maxSpecialFileSize: a PAX or long-name entry larger than this is an error there. */
const MAX_SPECIAL = 1024 * 1024;
/** What a tar archive is refused for; the message reads after the archive's name. */
class TarError extends Error {
}
const LINKLIKE = {
    '1': 'Link',
    '2': 'SymbolicLink',
    '3': 'CharacterDevice',
    '4': 'BlockDevice',
    '6': 'FIFO',
};
const KINDS = {
    S: 'GNU sparse',
    K: 'GNU long link name',
    V: 'GNU volume label',
    M: 'GNU multi-volume',
    N: 'GNU old long name',
    D: 'GNU dump directory',
    '7': 'contiguous file',
};
const PAX_KEYS = new Set(['path', 'size', 'mtime', 'atime', 'ctime', 'uid', 'gid', 'uname', 'gname', 'comment', 'charset']);
const GLOBAL_KEYS = new Set(['comment', 'mtime']);
const PAX_VALUES = {
    size: /^[0-9]{1,15}$/,
    uid: /^[0-9]{1,18}$/,
    gid: /^[0-9]{1,18}$/,
    mtime: /^-?[0-9]{1,18}(\.[0-9]+)?$/,
    atime: /^-?[0-9]{1,18}(\.[0-9]+)?$/,
    ctime: /^-?[0-9]{1,18}(\.[0-9]+)?$/,
};
const utf8 = new TextDecoder('utf-8', { fatal: true });
const differently = (name, what) => new TarError(`entry ${JSON.stringify(name)} is ${what}, which Helm reads differently: refused`);
const invalid = (why) => new TarError(`is not a valid tar archive: ${why}`);
class TarReader {
    sink;
    state = { at: 'header' };
    block = Buffer.alloc(BLOCK);
    filled = 0;
    zeros = 0;
    /** Bytes consumed so far: where a bad header is. */
    offset = 0;
    pax;
    longName;
    constructor(sink) {
        this.sink = sink;
    }
    /** True once the two zero blocks that end the archive were read (what follows is not tar). */
    get ended() {
        return this.state.at === 'end';
    }
    write(chunk) {
        let at = 0;
        while (at < chunk.length) {
            const s = this.state;
            if (s.at === 'end')
                return;
            if (s.at === 'header') {
                if (this.filled === 0 && chunk.length - at >= BLOCK) {
                    at += BLOCK;
                    this.offset += BLOCK;
                    this.header(chunk.subarray(at - BLOCK, at));
                }
                else {
                    const n = Math.min(BLOCK - this.filled, chunk.length - at);
                    chunk.copy(this.block, this.filled, at, at + n);
                    this.filled += n;
                    at += n;
                    this.offset += n;
                    if (this.filled === BLOCK) {
                        this.filled = 0;
                        this.header(this.block);
                    }
                }
                continue;
            }
            const n = Math.min(s.left, chunk.length - at);
            this.offset += n;
            if (s.at === 'skip') {
                s.left -= n;
                at += n;
                if (s.left === 0)
                    this.state = { at: 'header' };
                continue;
            }
            if (s.at === 'special' || s.take)
                s.parts.push(chunk.subarray(at, at + n));
            s.left -= n;
            at += n;
            if (s.left === 0)
                this.complete(s);
        }
    }
    /** The input ended: only at a header boundary, with nothing announced and left unread. */
    end() {
        if (this.state.at === 'end')
            return;
        if (this.state.at !== 'header' || this.filled !== 0)
            throw invalid('it ends inside an entry');
        if (this.pax || this.longName !== undefined)
            throw invalid('it ends after an extended header, with no entry it applies to');
    }
    complete(s) {
        const data = s.parts.length === 1 ? s.parts[0] : Buffer.concat(s.parts);
        this.state = s.pad > 0 ? { at: 'skip', left: s.pad } : { at: 'header' };
        if (s.at === 'data')
            s.take?.(data);
        else
            this.special(s.type, s.name, data);
    }
    header(b) {
        if (isZero(b)) {
            this.zeros += 1;
            if (this.zeros === 2) {
                if (this.pax || this.longName !== undefined)
                    throw invalid('it ends after an extended header, with no entry it applies to');
                this.state = { at: 'end' };
            }
            return;
        }
        const where = this.offset - BLOCK;
        if (this.zeros > 0)
            throw invalid(`a zero block is followed by a header at byte ${where}`);
        const h = parseHeader(b, where);
        const type = String.fromCharCode(b[156]);
        const pad = (n) => (BLOCK - (n % BLOCK)) % BLOCK;
        if (type === 'x' || type === 'g' || type === 'L') {
            if (h.size > MAX_SPECIAL)
                throw invalid(`the extended header ${JSON.stringify(h.name)} is over ${MAX_SPECIAL} bytes`);
            const s = { at: 'special', type, name: h.name, left: h.size, parts: [], pad: pad(h.size) };
            if (h.size === 0)
                this.complete(s);
            else
                this.state = s;
            return;
        }
        // The entry the pending extended headers apply to (Go: PAX records first, then the long name over them).
        const pax = this.pax;
        const longName = this.longName;
        this.pax = undefined;
        this.longName = undefined;
        let name = pax?.get('path') || h.name;
        if (longName !== undefined) {
            if (pax?.has('path'))
                throw differently(longName, 'a GNU long-name entry also named by a PAX path');
            name = longName;
        }
        for (const key of pax?.keys() ?? []) {
            if (!PAX_KEYS.has(key))
                throw differently(name, key.startsWith('GNU.sparse.') ? 'a GNU sparse (PAX) entry' : `an entry with a PAX ${JSON.stringify(key)} record`);
        }
        const sizeRecord = pax?.get('size');
        const size = sizeRecord ? Number(sizeRecord) : h.size;
        let kind;
        if (type === '0' || type === '\0') {
            if (name.endsWith('/'))
                throw differently(name, "a regular entry whose name ends in '/'");
            const fileType = h.mode & ~0o7777;
            if (h.mode > 0o177777 || (fileType !== 0 && fileType !== 0o100000))
                throw differently(name, `a regular entry whose mode (0${h.mode.toString(8)}) says another kind of file`);
            kind = 'File';
        }
        else if (type === '5') {
            if (size !== 0)
                throw differently(name, 'a folder entry with data');
            kind = 'Directory';
        }
        else if (LINKLIKE[type]) {
            kind = LINKLIKE[type];
        }
        else {
            throw differently(name, `a ${KINDS[type] ?? `type ${JSON.stringify(type)}`} entry`);
        }
        const take = this.sink({ name, type: kind, size });
        // Links and devices carry no data in Go's reader; the sink refuses them, so this is moot but exact.
        const dataSize = kind === 'File' ? size : 0;
        if (dataSize === 0) {
            take?.(Buffer.alloc(0));
            return;
        }
        this.state = { at: 'data', left: dataSize, parts: [], take, size: dataSize, pad: pad(dataSize) };
    }
    special(type, name, data) {
        if (type === 'L') {
            if (this.longName !== undefined)
                throw differently(name, 'a second GNU long name for one entry');
            const end = data.indexOf(0);
            this.longName = decode(end < 0 ? data : data.subarray(0, end), 'a GNU long name');
            return;
        }
        const records = parsePax(data);
        if (type === 'g') {
            if (this.pax || this.longName !== undefined)
                throw differently(name, 'a PAX global header between an extended header and its entry');
            for (const key of records.keys())
                if (!GLOBAL_KEYS.has(key))
                    throw differently(name, `a PAX global header with a ${JSON.stringify(key)} record`);
            return;
        }
        if (this.pax)
            throw differently(name, 'a second PAX header for one entry');
        this.pax = records;
    }
}
function isZero(b) {
    for (let i = 0; i < BLOCK; i++)
        if (b[i] !== 0)
            return false;
    return true;
}
function decode(b, what) {
    try {
        return utf8.decode(b);
    }
    catch {
        throw invalid(`${what} is not UTF-8`);
    }
}
/** NUL-terminated (or full-width) string field. */
function field(b, start, width, what) {
    const end = b.indexOf(0, start);
    return decode(b.subarray(start, end < 0 || end > start + width ? start + width : end), what);
}
/** Go's parseNumeric, stricter: octal (spaces and NULs around it), or positive base-256; anything else is refused. */
function numeric(b, start, width, what, where) {
    if (b[start] & 0x80) {
        if (b[start] & 0x40)
            throw invalid(`the header at byte ${where} has a negative ${what}`);
        let x = b[start] & 0x7f;
        for (let i = start + 1; i < start + width; i++) {
            x = x * 256 + b[i];
            if (x > Number.MAX_SAFE_INTEGER)
                throw invalid(`the header at byte ${where} has a ${what} too large`);
        }
        return x;
    }
    let from = start;
    let to = start + width;
    while (from < to && (b[from] === 0x20 || b[from] === 0))
        from++;
    while (to > from && (b[to - 1] === 0x20 || b[to - 1] === 0))
        to--;
    let x = 0;
    for (let i = from; i < to; i++) {
        const d = b[i] - 0x30;
        if (d < 0 || d > 7)
            throw invalid(`the header at byte ${where} has a ${what} that is not an octal number`);
        x = x * 8 + d;
    }
    if (x > Number.MAX_SAFE_INTEGER)
        throw invalid(`the header at byte ${where} has a ${what} too large`);
    return x;
}
/** One header block as Go's readHeader reads it (checksum, format by magic, fields). */
function parseHeader(b, where) {
    // Go reads the checksum as octal only (parseOctal): a base-256 one fails Helm's load.
    if (b[148] & 0x80)
        throw invalid(`the header at byte ${where} has a base-256 checksum, which Helm refuses`);
    const stored = numeric(b, 148, 8, 'checksum', where);
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
        const v = i >= 148 && i < 156 ? 0x20 : b[i];
        unsigned += v;
        signed += v > 127 ? v - 256 : v;
    }
    if (stored !== unsigned && stored !== signed)
        throw invalid(`the header at byte ${where} has a wrong checksum`);
    const magic = b.toString('latin1', 257, 263);
    const version = b.toString('latin1', 263, 265);
    const ustar = magic === 'ustar\0';
    const gnu = magic === 'ustar ' && version === ' \0';
    if (ustar && b.toString('latin1', 508, 512) === 'tar\0')
        throw invalid(`the header at byte ${where} is in the STAR format, which Helm reads differently: refused`);
    let name = field(b, 0, 100, 'an entry name');
    const size = numeric(b, 124, 12, 'size', where);
    const mode = numeric(b, 100, 8, 'mode', where);
    numeric(b, 108, 8, 'uid', where);
    numeric(b, 116, 8, 'gid', where);
    numeric(b, 136, 12, 'modification time', where);
    if (ustar || gnu) {
        field(b, 265, 32, 'a user name');
        field(b, 297, 32, 'a group name');
        numeric(b, 329, 8, 'device major', where);
        numeric(b, 337, 8, 'device minor', where);
    }
    if (ustar) {
        const prefix = field(b, 345, 155, 'a name prefix');
        if (prefix)
            name = `${prefix}/${name}`;
    }
    // A GNU header's access and change times: when Go cannot read them as numbers it takes bytes
    // 345-500 for a USTAR name prefix (files of Go before 1.8), and Helm's name is another than ours.
    if (gnu)
        for (const [at, what] of [
            [345, 'access time'],
            [357, 'change time'],
        ])
            if (b[at] !== 0)
                numeric(b, at, 12, `GNU ${what} (Go would read it as a name prefix)`, where);
    return { name, size, mode };
}
/** PAX records ("<len> key=value\n"), as Go's parsePAXRecord reads them; a key twice is refused (Go keeps the last). */
function parsePax(data) {
    const records = new Map();
    let at = 0;
    while (at < data.length) {
        const space = data.indexOf(0x20, at);
        const lenText = space < 0 ? '' : data.toString('latin1', at, space);
        if (!/^[1-9][0-9]{0,7}$/.test(lenText))
            throw invalid('a PAX record has no valid length');
        const len = Number(lenText);
        if (len < 5 || at + len > data.length || data[at + len - 1] !== 0x0a)
            throw invalid('a PAX record has a wrong length');
        const rec = data.subarray(space + 1, at + len - 1);
        at += len;
        const eq = rec.indexOf(0x3d);
        if (eq <= 0 || rec.includes(0))
            throw invalid('a PAX record is not key=value');
        const key = decode(rec.subarray(0, eq), 'a PAX key');
        const value = decode(rec.subarray(eq + 1), 'a PAX value');
        if (records.has(key))
            throw invalid(`a PAX header holds ${JSON.stringify(key)} twice`);
        if (value !== '' && PAX_VALUES[key] && !PAX_VALUES[key].test(value))
            throw invalid(`a PAX ${key} record is not a number: ${JSON.stringify(value)}`);
        records.set(key, value);
    }
    // Go ignores a record with an empty value (the header's field stays).
    for (const [key, value] of records)
        if (value === '' && (key === 'path' || key === 'size'))
            records.delete(key);
    return records;
}

// EXTERNAL MODULE: ./src/chart/chart.ts
var chart = __webpack_require__(18892);
;// CONCATENATED MODULE: ./src/chart/load-archive.ts



const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/**
 * The files of a packaged chart (`.tgz`, gzip required as Helm requires it), names relative to the chart root (the first path element
 * dropped, then cleaned as Go's path.Clean does: Helm's names). The one reader of chart archives (load,
 * compare and export all use it), read with the strict tar reader (tar-reader.ts: what Go's archive/tar,
 * Helm's reader, could read differently is refused). Refuses what no chart needs and an attacker would use: absolute paths,
 * `..`, links and devices, a name twice (Helm keeps the last, so two readers would see two charts), a
 * name both a file and a folder, over 5 MiB a file, and more than 100 MiB inflated: every byte gunzip
 * yields counts (headers, padding, data after the end of the tar), shared with the nested archives,
 * and inflating stops as soon as the budget is passed.
 */
async function readChartArchive(data, where, budget = new chart/* UnpackBudget */.uH()) {
    const bad = (message, hint = 'Rebuild the archive with helm package or chartlift') => new errors/* UserError */.yo(message, { where, hint });
    // Helm's LoadArchive reads only gzip ("does not appear to be a gzipped archive"): a plain tar pushed
    // as a chart could be neither shown nor installed, and its version would be burnt.
    if (data[0] !== 0x1f || data[1] !== 0x8b)
        throw bad('is not a gzipped archive (a chart is a .tgz: tar, then gzip)', 'Package it with helm package or chartlift');
    const overBudget = () => bad(`unpacks to more than ${chart/* MAX_CHART_BYTES */.it} bytes, nested archives included`, 'A chart must be smaller than 100 MiB unpacked');
    const files = [];
    /** Cleaned name -> the entry name it came from. */
    const seen = new Map();
    const reader = new TarReader((entry) => {
        const name = entry.name;
        if (seen.size >= chart/* MAX_ARCHIVE_ENTRIES */.HS)
            throw bad(`holds more than ${chart/* MAX_ARCHIVE_ENTRIES */.HS} files`);
        if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.startsWith('\\'))
            throw bad(`holds an absolute path: ${name}`);
        if (name.split(/[\\/]/).includes('..'))
            throw bad(`holds a path that climbs out of the chart: ${name}`);
        if (entry.type === 'Directory')
            return undefined;
        if (entry.type !== 'File')
            throw bad(`holds a ${entry.type} entry (${name}); charts contain regular files only`);
        if (entry.size > chart/* MAX_FILE_BYTES */.gZ)
            throw bad(`holds ${name} of ${entry.size} bytes, over the 5 MiB limit per chart file`);
        const parts = name.split(name.includes('\\') ? '\\' : '/');
        const rest = parts.slice(1).join('/');
        if (rest.startsWith('/'))
            throw bad(`holds an absolute path: ${name}`);
        const clean = goCleanPath(rest);
        // Helm's own checks on the cleaned name (LoadArchiveFiles): a drive letter, or any name that
        // starts with `..` (`..foo` too), is refused there.
        if (/^[a-zA-Z]:\//.test(clean))
            throw bad(`holds an absolute path: ${name}`);
        if (clean.startsWith('..'))
            throw bad(`holds a path that climbs out of the chart: ${name}`);
        if (parts.length < 2 || clean === '.')
            throw bad(`holds ${name} outside the chart's folder`);
        if (parts[0] === 'Chart.yaml')
            throw bad('holds Chart.yaml outside a chart folder');
        const before = seen.get(clean);
        if (before !== undefined)
            throw bad(`holds ${clean} twice (${JSON.stringify(before)} and ${JSON.stringify(name)}): Helm would read the last one`, 'Rebuild the archive with helm package or chartlift: a chart holds each file once');
        seen.set(clean, name);
        // One chunk is a view of the unpacked tar: no copy (a large file is not held twice).
        return (body) => files.push({ name: clean, data: body.subarray(0, 3).equals(BOM) ? body.subarray(3) : body });
    });
    let problem;
    const stop = (err) => {
        problem ??= err instanceof TarError ? bad(err.message) : err;
    };
    await new Promise((resolve, reject) => {
        // Inflated a chunk at a time, each counted before the tar reader sees it. What follows the tar's
        // end-of-archive blocks is counted and not parsed; after a refusal the rest is only counted, so
        // the budget is reported first, whatever the entries said (as when the archive was inflated first).
        // Loaded here: a chart folder's publish never needs zlib (about 2 MiB once loaded).
        const { createGunzip } = process.getBuiltinModule('node:zlib');
        const gunzip = createGunzip({ chunkSize: 64 * 1024 });
        gunzip.on('data', (chunk) => {
            budget.take(chunk.length);
            if (budget.remaining >= 0) {
                if (!problem && !reader.ended) {
                    try {
                        reader.write(chunk);
                    }
                    catch (err) {
                        stop(err);
                    }
                }
                return;
            }
            problem = overBudget();
            gunzip.destroy();
            resolve();
        });
        gunzip.on('error', (err) => reject(bad(`is not a valid gzip archive: ${err.message}`)));
        gunzip.on('end', () => {
            if (!problem) {
                try {
                    reader.end();
                }
                catch (err) {
                    stop(err);
                }
            }
            resolve();
        });
        gunzip.end(data);
    });
    if (problem)
        throw problem;
    if (files.length === 0)
        throw bad('holds no files');
    // A name that is a file and also a folder of other files cannot be unpacked (nor is it a chart).
    const names = new Set(files.map((f) => f.name));
    for (const f of files) {
        for (let i = f.name.indexOf('/'); i > 0; i = f.name.indexOf('/', i + 1)) {
            if (names.has(f.name.slice(0, i)))
                throw bad(`holds ${f.name.slice(0, i)} both as a file and as a folder`);
        }
    }
    return files;
}
/** Go's path.Clean for a relative path: no empty or `.` elements, `..` folded, `.` for nothing. */
function goCleanPath(p) {
    const out = [];
    for (const part of p.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..' && out.length > 0 && out[out.length - 1] !== '..')
            out.pop();
        else
            out.push(part);
    }
    return out.length > 0 ? out.join('/') : '.';
}


/***/ }),

/***/ 20185:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  L: () => (/* binding */ loadArchiveChart),
  T: () => (/* binding */ loadChart)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/chart/assemble.ts
var assemble = __webpack_require__(43178);
// EXTERNAL MODULE: ./src/chart/chart.ts
var chart_chart = __webpack_require__(18892);
// EXTERNAL MODULE: ./src/chart/load-archive.ts + 1 modules
var load_archive = __webpack_require__(75189);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/util/bytes-order.ts
var bytes_order = __webpack_require__(48146);
// EXTERNAL MODULE: ./src/chart/gzip-parallel.ts
var gzip_parallel = __webpack_require__(39828);
;// CONCATENATED MODULE: ./src/chart/go-match.ts
/**
 * Go's `path/filepath.Match` on Unix (Go 1.25, which Helm 4.1.4 is built with), rune for rune: `*` (no `/`), `?`, `[...]` classes with `^`
 * negation and ranges, `\` escapes. `.helmignore` is built on it, so Helm's exact semantics start here.
 */
class BadPatternError extends Error {
    constructor(pattern) {
        super(`syntax error in pattern ${JSON.stringify(pattern)}`);
        this.name = 'BadPatternError';
    }
}
const SEP = '/';
function goMatch(pattern, name) {
    // Built only when thrown: an Error captures a stack trace, too dear for every file of a chart.
    const bad = () => new BadPatternError(pattern);
    let pat = Array.from(pattern);
    let s = Array.from(name);
    pattern: while (pat.length > 0) {
        const [star, chunk, rest] = scanChunk(pat);
        pat = rest;
        if (star && chunk.length === 0)
            return !s.includes(SEP);
        const [t, ok] = matchChunk(chunk, s, bad);
        if (ok && (t.length === 0 || pat.length > 0)) {
            s = t;
            continue;
        }
        if (star) {
            for (let i = 0; i < s.length && s[i] !== SEP; i++) {
                const [t2, ok2] = matchChunk(chunk, s.slice(i + 1), bad);
                if (ok2) {
                    if (pat.length === 0 && t2.length > 0)
                        continue;
                    s = t2;
                    continue pattern;
                }
            }
        }
        // path/filepath.Match answers no here without reading the rest of the pattern (path.Match checks
        // it): a malformed part after a chunk that failed is never reported, and Helm packages the chart.
        return false;
    }
    return s.length === 0;
}
/** Throws BadPatternError when Go's filepath.Match(pattern, "abc") returns ErrBadPattern (Helm's check of a rule). */
function checkPattern(pattern) {
    goMatch(pattern, 'abc');
}
function scanChunk(pat) {
    let star = false;
    while (pat.length > 0 && pat[0] === '*') {
        pat = pat.slice(1);
        star = true;
    }
    let inRange = false;
    let i = 0;
    scan: for (; i < pat.length; i++) {
        switch (pat[i]) {
            case '\\':
                if (i + 1 < pat.length)
                    i++;
                break;
            case '[':
                inRange = true;
                break;
            case ']':
                inRange = false;
                break;
            case '*':
                if (!inRange)
                    break scan;
                break;
        }
    }
    return [star, pat.slice(0, i), pat.slice(i)];
}
function matchChunk(chunk, s, bad) {
    let failed = false;
    let c = chunk;
    while (c.length > 0) {
        if (!failed && s.length === 0)
            failed = true;
        const head = c[0];
        if (head === '[') {
            let r = '';
            if (!failed) {
                r = s[0];
                s = s.slice(1);
            }
            c = c.slice(1);
            let negated = false;
            if (c.length > 0 && c[0] === '^') {
                negated = true;
                c = c.slice(1);
            }
            let match = false;
            let nrange = 0;
            for (;;) {
                if (c.length > 0 && c[0] === ']' && nrange > 0) {
                    c = c.slice(1);
                    break;
                }
                let lo;
                [lo, c] = getEsc(c, bad);
                let hi = lo;
                if (c[0] === '-')
                    [hi, c] = getEsc(c.slice(1), bad);
                const cp = r.codePointAt(0) ?? -1;
                if ((lo.codePointAt(0) ?? 0) <= cp && cp <= (hi.codePointAt(0) ?? 0))
                    match = true;
                nrange++;
            }
            if (match === negated)
                failed = true;
        }
        else if (head === '?') {
            if (!failed) {
                if (s[0] === SEP)
                    failed = true;
                s = s.slice(1);
            }
            c = c.slice(1);
        }
        else {
            if (head === '\\') {
                c = c.slice(1);
                if (c.length === 0)
                    throw bad();
            }
            if (!failed) {
                if (c[0] !== s[0])
                    failed = true;
                s = s.slice(1);
            }
            c = c.slice(1);
        }
    }
    return failed ? [[], false] : [s, true];
}
function getEsc(c, bad) {
    if (c.length === 0 || c[0] === '-' || c[0] === ']')
        throw bad();
    if (c[0] === '\\') {
        c = c.slice(1);
        if (c.length === 0)
            throw bad();
    }
    const r = c[0];
    const rest = c.slice(1);
    if (rest.length === 0)
        throw bad();
    return [r, rest];
}

;// CONCATENATED MODULE: ./src/chart/helmignore.ts

class HelmIgnore {
    #rules = [];
    /** Parses the file's text; throws an Error naming the line for `**` and malformed globs. */
    static parse(text) {
        const rules = new HelmIgnore();
        // bufio.ScanLines: split at \n, one trailing \r dropped; a UTF-8 BOM is dropped from the first line only.
        const lines = text.split('\n');
        lines.forEach((line, index) => {
            try {
                rules.#add((index === 0 ? line.replace(/^\ufeff/, '') : line).replace(/\r$/, ''));
            }
            catch (err) {
                throw new Error(`line ${index + 1}: ${err.message}`);
            }
        });
        rules.#add('templates/.?*');
        return rules;
    }
    /** Only the built-in rule, for a chart without `.helmignore`. */
    static defaults() {
        return HelmIgnore.parse('');
    }
    /** `path` is relative to the chart root with `/` separators. */
    ignores(path, isDir) {
        if (path === '' || path === '.' || path === './')
            return false;
        for (const rule of this.#rules) {
            if (rule.negate) {
                if (rule.mustDir && !isDir)
                    return true;
                if (!matches(rule, path))
                    return true;
                continue;
            }
            if (rule.mustDir && !isDir)
                continue;
            if (matches(rule, path))
                return true;
        }
        return false;
    }
    #add(line) {
        let rule = goTrimSpace(line);
        if (rule === '' || rule.startsWith('#'))
            return;
        if (rule.includes('**'))
            throw new Error('double-star (**) syntax is not supported');
        try {
            checkPattern(rule);
        }
        catch (err) {
            if (err instanceof BadPatternError)
                throw new Error(`${err.message}`);
            throw err;
        }
        const raw = rule;
        let negate = false;
        let mustDir = false;
        if (rule.startsWith('!')) {
            negate = true;
            rule = rule.slice(1);
        }
        if (rule.endsWith('/')) {
            mustDir = true;
            rule = rule.slice(0, -1);
        }
        let whole = rule.includes('/');
        if (rule.startsWith('/')) {
            rule = rule.slice(1);
            whole = true;
        }
        this.#rules.push({ raw, glob: rule, negate, mustDir, whole });
    }
}
function matches(rule, path) {
    const subject = rule.whole ? path : goBase(path);
    try {
        return goMatch(rule.glob, subject);
    }
    catch {
        return false;
    }
}
/** Go's filepath.Base: the last element, trailing slashes removed; "/" for all slashes. */
function goBase(path) {
    const trimmed = path.replace(/\/+$/, '');
    if (trimmed === '')
        return path === '' ? '.' : '/';
    return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
/**
 * Go's strings.TrimSpace: unicode.IsSpace runes, which include U+0085 (NEL) and not U+FEFF; JavaScript's
 * trim() is the other way round for both.
 */
const GO_TRIM = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
function goTrimSpace(text) {
    return text.replace(GO_TRIM, '');
}

// EXTERNAL MODULE: ./src/chart/link-boundary.ts
var link_boundary = __webpack_require__(82141);
;// CONCATENATED MODULE: ./src/chart/load-dir.ts








const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/**
 * The files of a chart folder as Helm's LoadDir reads them: a depth-first walk in byte order,
 * `.helmignore` applied, symlinks followed (refused when they lead out of `boundary`, the repository
 * or workspace, or loop), a UTF-8 BOM stripped, at most 5 MiB a file, nothing but regular files.
 *
 * Synchronous inside: a chart is many small files, and the promise API costs several times the
 * syscalls' own time for each of them (40 charts loaded in ~30 ms instead of ~110 ms).
 */
async function readChartDir(dir, boundary = (0,external_node_fs_.realpathSync)(dir)) {
    const root = (0,external_node_fs_.realpathSync)(dir);
    const rules = readRules(root, dir);
    const files = [];
    let bytes = 0;
    walk(root, '', new Set([root]));
    return files;
    /** One folder, depth first, its entries in byte order. */
    function walk(abs, rel, ancestors) {
        const entries = (0,external_node_fs_.readdirSync)(abs, { withFileTypes: true }).sort((a, b) => (0,bytes_order/* compareBytes */.X)(a.name, b.name));
        for (const dirent of entries) {
            const entry = inspect(abs, rel, dirent);
            if (entry.kind === 'file') {
                files.push(entry.file);
                // A chart this large is compressed across cores: the workers start while the rest is read.
                if (bytes < gzip_parallel/* WARM_BYTES */.Wc && (bytes += entry.file.data.length) >= gzip_parallel/* WARM_BYTES */.Wc)
                    (0,gzip_parallel/* warmGzipWorkers */.pp)();
            }
            if (entry.kind !== 'dir')
                continue;
            if (ancestors.has(entry.target))
                throw new errors/* UserError */.yo('is a symbolic link to one of its own parent folders', { where: entry.shown, hint: 'Remove the link loop' });
            walk(entry.target, entry.relName, new Set([...ancestors, entry.target]));
        }
    }
    function inspect(abs, rel, dirent) {
        const full = external_node_path_default().join(abs, dirent.name);
        const relName = rel === '' ? dirent.name : `${rel}/${dirent.name}`;
        const shown = external_node_path_default().join(dir, relName);
        if (dirent.isFile())
            return rules.ignores(relName, false) ? { kind: 'skip' } : { kind: 'file', file: { name: relName, data: readChartFile(full, shown) } };
        let target = full;
        let info = dirent;
        if (dirent.isSymbolicLink()) {
            try {
                target = (0,external_node_fs_.realpathSync)(full);
                info = (0,external_node_fs_.statSync)(target);
            }
            catch {
                if (rules.ignores(relName, false))
                    return { kind: 'skip' };
                throw new errors/* UserError */.yo('is a symbolic link whose target does not exist', {
                    where: shown,
                    hint: 'Fix or remove the link, or list it in .helmignore',
                });
            }
            if (!(0,link_boundary/* isWithin */.U)(target, boundary)) {
                if (rules.ignores(relName, info.isDirectory()))
                    return { kind: 'skip' };
                const scope = boundary === root ? 'chart' : 'repository';
                throw new errors/* UserError */.yo(`is a symbolic link that leaves the ${scope} (to ${target})`, {
                    where: shown,
                    hint: `Copy the file into the ${scope} instead of linking to it, or list the link in .helmignore`,
                });
            }
        }
        if (info.isDirectory())
            return rules.ignores(relName, true) ? { kind: 'skip' } : { kind: 'dir', target, relName, shown };
        if (rules.ignores(relName, false))
            return { kind: 'skip' };
        if (!info.isFile())
            throw new errors/* UserError */.yo('is not a regular file (a device, socket or pipe)', {
                where: shown,
                hint: 'Remove it from the chart or list it in .helmignore',
            });
        return { kind: 'file', file: { name: relName, data: readChartFile(target, shown) } };
    }
}
/** A regular file's bytes, its size checked before it is read, a UTF-8 BOM dropped. */
function readChartFile(file, shown) {
    const fd = (0,external_node_fs_.openSync)(file, 'r');
    try {
        const size = (0,external_node_fs_.fstatSync)(fd).size;
        if (size > chart_chart/* MAX_FILE_BYTES */.gZ) {
            throw new errors/* UserError */.yo(`is ${size} bytes, over Helm's limit of ${chart_chart/* MAX_FILE_BYTES */.gZ} bytes (5 MiB) per chart file`, {
                where: shown,
                hint: 'Keep large files out of the chart (list them in .helmignore)',
            });
        }
        const data = Buffer.allocUnsafe(size);
        let got = 0;
        for (let n; got < size && (n = (0,external_node_fs_.readSync)(fd, data, got, size - got, got)) > 0;)
            got += n;
        return data.subarray(got >= 3 && data.subarray(0, 3).equals(BOM) ? 3 : 0, got);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function readRules(root, dir) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(external_node_path_default().join(root, '.helmignore'), 'utf8');
    }
    catch (err) {
        if ((0,errors/* fsCode */.r0)(err) === 'ENOENT')
            return HelmIgnore.defaults();
        throw err;
    }
    try {
        return HelmIgnore.parse(text);
    }
    catch (err) {
        throw new errors/* UserError */.yo(err.message, {
            where: external_node_path_default().join(dir, '.helmignore'),
            hint: 'Fix the pattern (Go filepath.Match syntax; ** is not supported)',
        });
    }
}

;// CONCATENATED MODULE: ./src/chart/load.ts








/**
 * Loads a chart folder or a packaged `.tgz`. Every problem is a UserError naming the file. The top
 * chart's declared dependencies must be in charts/ (as `helm package` checks) unless
 * `allowMissingDependencies`; subcharts' are never checked (as Helm does not).
 */
async function loadChart(source, options = {}) {
    let info;
    try {
        info = await (0,promises_.stat)(source);
    }
    catch (err) {
        if ((0,errors/* fsCode */.r0)(err) === 'ENOENT') {
            throw new errors/* UserError */.yo('no such file or folder', {
                where: source,
                hint: 'Give a chart folder (holding Chart.yaml) or a packaged .tgz',
                code: 'chart-missing',
            });
        }
        throw new errors/* UserError */.yo(`cannot read it (${(0,errors/* fsCode */.r0)(err) ?? err.message})`, {
            where: source,
            hint: 'Check the path and its permissions',
        });
    }
    if (info.isDirectory()) {
        try {
            await (0,promises_.stat)(external_node_path_default().join(source, 'Chart.yaml'));
        }
        catch {
            throw new errors/* UserError */.yo('this folder has no Chart.yaml', {
                where: source,
                hint: 'Give the folder that holds Chart.yaml',
                code: 'no-chart-yaml',
            });
        }
        const budget = new chart_chart/* UnpackBudget */.uH();
        const chart = await (0,assemble/* assemble */.fT)(await readChartDir(source, (0,link_boundary/* linkBoundary */.Z)(source, options.workspace)), source, (d, o) => loadArchiveChart(d, o, budget));
        if (!options.allowMissingDependencies)
            (0,assemble/* checkDependencies */.qP)(chart, source);
        return { chart };
    }
    const archive = await (0,promises_.readFile)(source);
    const budget = new chart_chart/* UnpackBudget */.uH();
    const chart = await (0,assemble/* assemble */.fT)(await (0,load_archive/* readChartArchive */.h)(archive, source, budget), source, (d, o) => loadArchiveChart(d, o, budget));
    if (!options.allowMissingDependencies)
        (0,assemble/* checkDependencies */.qP)(chart, source);
    return { chart, archive };
}
/** A packaged chart; `budget` is shared with the archive it came from, if any (see UnpackBudget). */
async function loadArchiveChart(data, origin, budget = new chart_chart/* UnpackBudget */.uH()) {
    return (0,assemble/* assemble */.fT)(await (0,load_archive/* readChartArchive */.h)(data, origin, budget), origin, (d, o) => loadArchiveChart(d, o, budget));
}


/***/ }),

/***/ 83621:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HE: () => (/* binding */ lockState),
/* harmony export */   jz: () => (/* binding */ hashRequirements),
/* harmony export */   mF: () => (/* binding */ readLock)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _go_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7475);
/* harmony import */ var _util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(63235);
/* harmony import */ var _yaml_error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46994);
/* harmony import */ var _metadata_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(96655);







const RFC3339 = /^(\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d)(\.\d+)?([Zz]|[+-]\d\d:\d\d)$/;
/**
 * Chart.lock (or requirements.lock) read into Helm's Lock and written back as Helm writes it. With
 * the library (its `generated` is a time stamp, outside simple-yaml.ts's subset): `lockState` relies on it.
 */
async function readLock(data, where) {
    await (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_5__/* .loadYaml */ .yv)();
    let doc;
    try {
        doc = (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseGoYaml */ .d0)(data.toString('utf8'));
    }
    catch (err) {
        throw (0,_yaml_error_js__WEBPACK_IMPORTED_MODULE_3__/* .yamlSyntaxError */ .r)(err, where, 'Regenerate it with helm dependency update');
    }
    const obj = (doc ?? {});
    if (typeof obj !== 'object' || Array.isArray(obj))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('expected a map', { where, hint: 'Regenerate it with helm dependency update' });
    try {
        const generated = goTime((0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF)(obj.generated, 'generated'));
        const deps = Array.isArray(obj.dependencies)
            ? obj.dependencies.map((d, i) => (0,_metadata_js__WEBPACK_IMPORTED_MODULE_4__/* .dependencyJson */ .MQ)((0,_metadata_js__WEBPACK_IMPORTED_MODULE_4__/* .dependency */ .Gs)(d, `dependencies[${i}]`)))
            : null;
        const json = (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goStructJson */ .W2)([
            ['generated', generated],
            ['digest', (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF)(obj.digest, 'digest')],
            ['dependencies', deps],
        ]);
        return Buffer.from(await (0,_metadata_js__WEBPACK_IMPORTED_MODULE_4__/* .goYaml */ .qw)(json));
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(err.message, { where, hint: 'Regenerate it with helm dependency update' });
    }
}
/** Go's time.Time through JSON: RFC 3339 in, RFC 3339 with trailing fraction zeros trimmed out. */
function goTime(s) {
    if (s === '')
        return '0001-01-01T00:00:00Z';
    const m = RFC3339.exec(s);
    if (!m)
        throw new Error(`generated ${JSON.stringify(s)} is not an RFC 3339 time`);
    const frac = (m[2] ?? '').replace(/0+$/, '');
    return `${m[1].replace('t', 'T')}${frac === '.' ? '' : frac}${m[3].toUpperCase()}`;
}
/** The digest and dependencies of a Chart.lock as `readLock` wrote it (having loaded the library). */
function lockState(lock) {
    const obj = ((0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseGoYaml */ .d0)(lock.toString('utf8')) ?? {});
    const deps = Array.isArray(obj.dependencies) ? obj.dependencies.map((d, i) => (0,_metadata_js__WEBPACK_IMPORTED_MODULE_4__/* .dependency */ .Gs)(d, `dependencies[${i}]`)) : [];
    return { digest: (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF)(obj.digest, 'digest'), dependencies: deps };
}
/**
 * Helm's resolver.HashReq: the SHA-256 of `json.Marshal([2][]*chart.Dependency{req, lock})`, what
 * Chart.lock's `digest` records so that `helm dependency build` can tell a stale lock.
 */
function hashRequirements(req, lock) {
    const list = (deps) => (deps.length === 0 ? 'null' : `[${deps.map((d) => (0,_metadata_js__WEBPACK_IMPORTED_MODULE_4__/* .dependencyJson */ .MQ)(d).text).join(',')}]`);
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(`[${list(req)},${list(lock)}]`)
        .digest('hex')}`;
}


/***/ }),

/***/ 96655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ configJson),
/* harmony export */   Bp: () => (/* binding */ canonicalVersion),
/* harmony export */   FC: () => (/* binding */ isSemVer2),
/* harmony export */   Gs: () => (/* binding */ dependency),
/* harmony export */   MQ: () => (/* binding */ dependencyJson),
/* harmony export */   T: () => (/* binding */ readMetadataYaml),
/* harmony export */   TF: () => (/* binding */ checkPackageable),
/* harmony export */   U5: () => (/* binding */ chartYaml),
/* harmony export */   VV: () => (/* binding */ isHelmVersion),
/* harmony export */   aR: () => (/* binding */ validateMetadata),
/* harmony export */   aj: () => (/* binding */ sanitize),
/* harmony export */   fs: () => (/* binding */ emptyMetadata),
/* harmony export */   qw: () => (/* binding */ goYaml)
/* harmony export */ });
/* harmony import */ var _util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(63235);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _yaml_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46994);
/* harmony import */ var _go_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7475);
/* harmony import */ var _simple_yaml_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(75938);





const METADATA_FIELDS = [
    'name',
    'home',
    'sources',
    'version',
    'description',
    'keywords',
    'maintainers',
    'icon',
    'apiVersion',
    'condition',
    'tags',
    'appVersion',
    'deprecated',
    'annotations',
    'kubeVersion',
    'dependencies',
    'type',
];
const DEPENDENCY_FIELDS = ['name', 'version', 'repository', 'condition', 'tags', 'enabled', 'import-values', 'alias'];
const MAINTAINER_FIELDS = ['name', 'email', 'url'];
/** SemVer 2.0.0, exactly (semver.org's regular expression): no `v` prefix, no missing parts. */
const SEMVER2 = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
/**
 * The versions Helm reads (Masterminds semver v3.4.0's NewVersion, which Helm 4.1.4 and 3.17.3 both
 * call): a leading `v`, missing minor or patch and leading zeros in them taken; each number a uint64;
 * prerelease parts non-empty, numeric ones without a leading zero. Helm packages and pushes all of them.
 */
const LOOSE_VERSION = /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
const UINT64_MAX = 2n ** 64n - 1n;
function isHelmVersion(version) {
    const m = LOOSE_VERSION.exec(version);
    if (!m)
        return false;
    if ([m[1], m[2], m[3]].some((n) => n !== undefined && BigInt(n) > UINT64_MAX))
        return false;
    return (m[4] ?? '').split('.').every((part) => !/^0\d+$/.test(part));
}
/** A version Helm reads in SemVer 2 form (`v01.2` \u2192 `1.2.0`), to compare and sort it; undefined if Helm cannot read it. */
function canonicalVersion(version) {
    if (!isHelmVersion(version))
        return undefined;
    const m = LOOSE_VERSION.exec(version);
    const n = (x) => BigInt(x ?? '0').toString();
    return `${n(m[1])}.${n(m[2])}.${n(m[3])}${m[4] ? `-${m[4]}` : ''}${m[5] ? `+${m[5]}` : ''}`;
}
/** Whether a version Helm reads is also SemVer 2 (what Artifact Hub and Renovate sort tags by). */
function isSemVer2(version) {
    return SEMVER2.test(version);
}
/**
 * What `helm package` (Helm 4.1.4) packages: chart API v1 and v2 (or none). Its loader takes v3 with a
 * loader of its own, then refuses it ("invalid chart apiVersion"), and refuses any other outright.
 * `helm push` and `helm show` read an archive with the v2 loader, which checks no API version: a
 * packaged chart pushed as it is is not held to this, nor is a subchart.
 */
function checkPackageable(md, file) {
    if (md.apiVersion === 'v3')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('apiVersion "v3": Helm 4.1.4 loads chart API v3 but does not package it ("invalid chart apiVersion")', {
            where: file,
            hint: 'Use apiVersion: v2 (Helm 3.17 packages a v3 chart as a v2 one; its .tgz given here is pushed as it is)',
        });
    if (md.apiVersion !== 'v1' && md.apiVersion !== 'v2')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`apiVersion ${JSON.stringify(md.apiVersion)} is not a chart API version Helm 4 packages ("unsupported chart version")`, {
            where: file,
            hint: 'Use apiVersion: v2 (or v1 for charts written for Helm 2)',
        });
}
function emptyMetadata() {
    return {
        name: '',
        home: '',
        sources: [],
        version: '',
        description: '',
        keywords: [],
        maintainers: [],
        icon: '',
        apiVersion: '',
        condition: '',
        tags: '',
        appVersion: '',
        deprecated: false,
        annotations: {},
        kubeVersion: '',
        dependencies: [],
        type: '',
    };
}
/** Reads YAML text into `md` the way Helm's yaml.Unmarshal does: fields present overwrite. */
async function readMetadataYaml(text, md, file) {
    let doc;
    try {
        doc = await (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .readGoYaml */ .a_)(text);
    }
    catch (err) {
        throw (0,_yaml_error_js__WEBPACK_IMPORTED_MODULE_1__/* .yamlSyntaxError */ .r)(err, file, 'Fix the YAML syntax');
    }
    if (doc === null || doc === undefined)
        return;
    if (typeof doc !== 'object' || Array.isArray(doc)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('expected a map of fields at the top level', {
            where: file,
            hint: 'See https://helm.sh/docs/topics/charts/#the-chartyaml-file',
        });
    }
    try {
        for (const [key, value] of (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goFields */ .sE)(doc, METADATA_FIELDS))
            setField(md, key, value);
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo)
            throw err;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(err.message, {
            where: file,
            hint: 'Correct the field type; see https://helm.sh/docs/topics/charts/#the-chartyaml-file',
        });
    }
}
function setField(md, key, v) {
    switch (key) {
        case 'sources':
        case 'keywords':
            md[key] = stringList(v, key);
            break;
        case 'maintainers':
            md.maintainers = list(v, key).map((m, i) => maintainer(m, `maintainers[${i}]`));
            break;
        case 'deprecated':
            md.deprecated = bool(v, key);
            break;
        case 'annotations':
            md.annotations = stringMap(v, key);
            break;
        case 'dependencies':
            md.dependencies = list(v, key).map((d, i) => dependency(d, `dependencies[${i}]`));
            break;
        default:
            md[key] = (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF)(v, key);
    }
}
function list(v, field) {
    if (v === null || v === undefined)
        return [];
    if (!Array.isArray(v))
        throw new TypeError(`${field} must be a list`);
    return v;
}
function stringList(v, field) {
    return list(v, field).map((x, i) => (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF)(x, `${field}[${i}]`));
}
function bool(v, field) {
    if (v === null || v === undefined)
        return false;
    if (typeof v !== 'boolean')
        throw new TypeError(`${field} must be true or false`);
    return v;
}
function stringMap(v, field) {
    if (v === null || v === undefined)
        return {};
    if (typeof v !== 'object' || Array.isArray(v))
        throw new TypeError(`${field} must be a map of strings`);
    const out = {};
    for (const [k, x] of Object.entries(v))
        out[k] = (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF)(x, `${field}.${k}`);
    return out;
}
function struct(v, field) {
    if (v === null || v === undefined)
        return null;
    if (typeof v !== 'object' || Array.isArray(v))
        throw new TypeError(`${field} must be a map`);
    return v;
}
function maintainer(v, field) {
    const obj = struct(v, field);
    if (obj === null)
        throw new TypeError('maintainers must not contain empty or null nodes');
    const f = (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goFields */ .sE)(obj, MAINTAINER_FIELDS);
    return {
        name: (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF)(f.get('name'), `${field}.name`),
        email: (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF)(f.get('email'), `${field}.email`),
        url: (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF)(f.get('url'), `${field}.url`),
    };
}
function dependency(v, field) {
    const obj = struct(v, field);
    if (obj === null)
        throw new TypeError('dependencies must not contain empty or null nodes');
    const f = (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goFields */ .sE)(obj, DEPENDENCY_FIELDS);
    return {
        name: (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF)(f.get('name'), `${field}.name`),
        version: (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF)(f.get('version'), `${field}.version`),
        repository: (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF)(f.get('repository'), `${field}.repository`),
        condition: (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF)(f.get('condition'), `${field}.condition`),
        tags: stringList(f.get('tags'), `${field}.tags`),
        enabled: bool(f.get('enabled'), `${field}.enabled`),
        importValues: list(f.get('import-values'), `${field}.import-values`),
        alias: (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF)(f.get('alias'), `${field}.alias`),
    };
}
/** Go's unicode.IsSpace \u2192 ' ', other non-printable runes dropped (Helm's sanitizeString). */
function sanitize(s) {
    let out = '';
    for (const ch of s) {
        if (/^[\t\n\v\f\r \u0085\u00a0\p{Zs}\p{Zl}\p{Zp}]$/u.test(ch))
            out += ' ';
        else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch))
            out += ch;
    }
    return out;
}
/**
 * Helm's Metadata.Validate (as Helm 4 applies it): name, version (Masterminds semver), type and
 * dependencies; the chart API version's value is the caller's (checkLoadable). The errors say what to do.
 */
function validateMetadata(md, file) {
    for (const k of ['name', 'description', 'home', 'icon', 'condition', 'tags', 'appVersion', 'kubeVersion']) {
        md[k] = sanitize(md[k]);
    }
    md.sources = md.sources.map(sanitize);
    md.keywords = md.keywords.map(sanitize);
    const fail = (message, hint) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(message, { where: file, hint });
    };
    if (md.apiVersion === '')
        md.apiVersion = 'v1';
    if (md.name === '')
        fail('the chart name is missing', 'Add "name: <chart-name>" to Chart.yaml');
    if (md.name.includes('/') || md.name === '.' || md.name === '..') {
        fail(`the chart name ${JSON.stringify(md.name)} is invalid`, 'A chart name is a single path element such as "mychart"');
    }
    if (md.version === '')
        fail('the chart version is missing', 'Add "version: <SemVer 2 version>" to Chart.yaml, e.g. version: 0.1.0');
    if (!isHelmVersion(md.version)) {
        fail(`version ${JSON.stringify(md.version)} is not a version Helm reads`, 'Use MAJOR.MINOR.PATCH, e.g. 1.2.0 or 1.2.0-rc.1');
    }
    if (md.type !== '' && md.type !== 'application' && md.type !== 'library') {
        fail(`type ${JSON.stringify(md.type)} is invalid`, 'Set type to application or library, or leave it out');
    }
    for (const m of md.maintainers) {
        m.name = sanitize(m.name);
        m.email = sanitize(m.email);
        m.url = sanitize(m.url);
    }
    const seen = new Set();
    for (const d of md.dependencies) {
        d.name = sanitize(d.name);
        d.version = sanitize(d.version);
        d.repository = sanitize(d.repository);
        d.condition = sanitize(d.condition);
        d.tags = d.tags.map(sanitize);
        if (d.alias !== '' && !/^[a-zA-Z0-9_-]+$/.test(d.alias)) {
            fail(`dependency ${JSON.stringify(d.name)} has disallowed characters in the alias`, 'An alias may hold letters, digits, "_" and "-"');
        }
        const key = d.alias || d.name;
        if (seen.has(key))
            fail(`more than one dependency with name or alias ${JSON.stringify(key)}`, 'Give each dependency a distinct alias');
        seen.add(key);
    }
}
const empty = (v) => {
    if (v === '' || v === false || v === null || v === undefined)
        return undefined;
    if (Array.isArray(v) && v.length === 0)
        return undefined;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)
        return undefined;
    return v;
};
function dependencyJson(d) {
    return new _go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .RawJson */ .jg((0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goStructJson */ .W2)([
        ['name', d.name],
        ['version', empty(d.version)],
        ['repository', d.repository],
        ['condition', empty(d.condition)],
        ['tags', empty(d.tags)],
        ['enabled', empty(d.enabled)],
        ['import-values', empty(d.importValues)],
        ['alias', empty(d.alias)],
    ]));
}
/** The config blob: `json.Marshal(chart.Metadata)` byte for byte. */
function configJson(md) {
    const maintainers = md.maintainers.map((m) => new _go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .RawJson */ .jg((0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goStructJson */ .W2)([
        ['name', empty(m.name)],
        ['email', empty(m.email)],
        ['url', empty(m.url)],
    ])));
    return (0,_go_values_js__WEBPACK_IMPORTED_MODULE_2__/* .goStructJson */ .W2)([
        ['name', empty(md.name)],
        ['home', empty(md.home)],
        ['sources', empty(md.sources)],
        ['version', empty(md.version)],
        ['description', empty(md.description)],
        ['keywords', empty(md.keywords)],
        ['maintainers', empty(maintainers)],
        ['icon', empty(md.icon)],
        ['apiVersion', empty(md.apiVersion)],
        ['condition', empty(md.condition)],
        ['tags', empty(md.tags)],
        ['appVersion', empty(md.appVersion)],
        ['deprecated', empty(md.deprecated)],
        ['annotations', empty(md.annotations)],
        ['kubeVersion', empty(md.kubeVersion)],
        ['dependencies', empty(md.dependencies.map(dependencyJson))],
        ['type', empty(md.type)],
    ]);
}
/** YAML as sigs.k8s.io/yaml writes a JSON document: keys sorted at every level, YAML 1.1 quoting. */
async function goYaml(jsonText) {
    const value = JSON.parse(jsonText);
    const simple = (0,_simple_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .writeSimpleYaml */ .F)(value);
    if (simple !== undefined)
        return simple;
    await (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_4__/* .loadYaml */ .yv)();
    return (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_4__/* .yaml */ .oQ)().stringify(value, { sortMapEntries: true, version: '1.1', lineWidth: 0 });
}
/** Chart.yaml as `helm package` writes it: the metadata re-serialised (v1 charts keep deps in requirements.yaml). */
function chartYaml(md) {
    const saved = md.apiVersion === 'v1' ? { ...md, dependencies: [] } : md;
    return goYaml(configJson(saved));
}


/***/ }),

/***/ 12353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ archiveEntries),
  n: () => (/* binding */ packageChart)
});

// EXTERNAL MODULE: ./src/chart/metadata.ts
var metadata = __webpack_require__(96655);
// EXTERNAL MODULE: ./src/chart/gzip-parallel.ts
var gzip_parallel = __webpack_require__(39828);
;// CONCATENATED MODULE: ./src/chart/tar-writer.ts
const BLOCK = 512;
function writeTar(entries, mtimeSeconds) {
    // Headers first (small), then one allocation for the whole archive, the data copied in once.
    const tar = tarPieces(entries, mtimeSeconds, Number.MAX_SAFE_INTEGER);
    return Buffer.from(tar.next().buffer);
}
function layout(entries, mtimeSeconds) {
    const parts = [];
    let total = BLOCK * 2;
    const add = (h, data) => {
        parts.push(h, data);
        total += BLOCK + Math.ceil(data.length / BLOCK) * BLOCK;
    };
    for (const entry of entries) {
        const split = ustarSplit(entry.name);
        if (!split) {
            const record = paxRecord('path', entry.name);
            add(header({ name: paxName(Buffer.from(entry.name, 'utf8')), prefix: '', size: record.length, mtime: mtimeSeconds, type: 'x' }), record);
        }
        const [prefix, base] = split ?? ['', asciiTail(entry.name)];
        add(header({ name: base, prefix, size: entry.data.length, mtime: mtimeSeconds, type: '0' }), entry.data);
    }
    return { parts, total };
}
/**
 * writeTar's bytes cut into pieces of `size` bytes, made one at a time: a large chart's archive is
 * never held whole (its files already are), and each piece can be moved to a deflate worker as it is.
 */
function tarPieces(entries, mtimeSeconds, size) {
    const { parts, total } = layout(entries, mtimeSeconds);
    const count = Math.max(1, Math.ceil(total / size));
    let part = 0;
    /** Bytes of parts[part] (with its padding) already written. */
    let within = 0;
    let written = 0;
    return {
        count,
        next(into) {
            const length = Math.min(size, total - written);
            // Padding and the end blocks are zeros: a new buffer is, a reused one is cleared.
            const out = into ? into.subarray(0, length).fill(0) : new Uint8Array(length);
            let at = 0;
            while (at < out.length && part < parts.length) {
                const p = parts[part];
                const span = Math.ceil(p.length / BLOCK) * BLOCK;
                const n = Math.min(span - within, out.length - at);
                if (within < p.length)
                    out.set(p.subarray(within, Math.min(p.length, within + n)), at);
                at += n;
                within += n;
                if (within === span) {
                    part++;
                    within = 0;
                }
            }
            // The rest is the two zero blocks that end the archive (a new array is zeros).
            written += out.length;
            return out;
        },
    };
}
/** [prefix, name] when the path fits USTAR's fields as ASCII, else undefined. */
function ustarSplit(path) {
    if (!/^[\x20-\x7e]*$/.test(path))
        return undefined;
    if (path.length <= 100)
        return ['', path];
    for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
        const prefix = path.slice(0, i);
        const rest = path.slice(i + 1);
        if (prefix.length <= 155 && rest.length <= 100 && rest.length > 0)
            return [prefix, rest];
    }
    return undefined;
}
function asciiTail(path) {
    const ascii = path.replace(/[^\x20-\x7e]/g, '_');
    return ascii.slice(-100);
}
function paxName(name) {
    return `PaxHeaders/${asciiTail(name.toString('utf8')).slice(-88)}`;
}
/** "<len> key=value\n" where len counts the whole record, itself included. */
function paxRecord(key, value) {
    const body = ` ${key}=${value}\n`;
    const bodyLen = Buffer.byteLength(body);
    let len = bodyLen + 1;
    while (String(len).length + bodyLen !== len)
        len = String(len).length + bodyLen;
    return Buffer.from(`${len}${body}`, 'utf8');
}
function header(h) {
    const b = Buffer.alloc(BLOCK);
    b.write(h.name, 0, 100, 'ascii');
    octal(b, 100, 8, 0o644);
    octal(b, 108, 8, 0);
    octal(b, 116, 8, 0);
    octal(b, 124, 12, h.size);
    octal(b, 136, 12, h.mtime);
    b.fill(0x20, 148, 156);
    b.write(h.type, 156, 1, 'ascii');
    b.write('ustar\u000000', 257, 8, 'ascii');
    octal(b, 329, 8, 0);
    octal(b, 337, 8, 0);
    b.write(h.prefix, 345, 155, 'ascii');
    let sum = 0;
    for (const byte of b)
        sum += byte;
    b.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'ascii');
    return b;
}
function octal(b, offset, width, value) {
    b.write(`${value.toString(8).padStart(width - 1, '0')}\u0000`, offset, width, 'ascii');
}

// EXTERNAL MODULE: ./src/chart/gzip.ts + 2 modules
var gzip = __webpack_require__(90911);
;// CONCATENATED MODULE: ./src/chart/package.ts




/**
 * The entries `helm package` writes, in its order (pkg/chart/v2/util/save.go): Chart.yaml,
 * Chart.lock, values.yaml, values.schema.json, templates, other files, then each subchart the same
 * way under `charts/<its name>/` \u2014 every path under the chart's name, not its folder's.
 */
async function archiveEntries(chart, prefix = '') {
    const base = `${prefix}${chart.metadata.name}/`;
    const out = [{ name: `${base}Chart.yaml`, data: Buffer.from(await (0,metadata/* chartYaml */.U5)(chart.metadata)) }];
    if (chart.metadata.apiVersion === 'v2' && chart.lock)
        out.push({ name: `${base}Chart.lock`, data: chart.lock });
    if (chart.values)
        out.push({ name: `${base}values.yaml`, data: chart.values });
    if (chart.schema)
        out.push({ name: `${base}values.schema.json`, data: chart.schema });
    for (const f of chart.templates)
        out.push({ name: base + f.name, data: f.data });
    for (const f of chart.files)
        out.push({ name: base + f.name, data: f.data });
    for (const dep of chart.dependencies)
        out.push(...(await archiveEntries(dep, `${base}charts/`)));
    return out;
}
/** The packaged chart (`<name>-<version>.tgz` bytes): the same chart and date give the same bytes. */
async function packageChart(chart, sourceDateSeconds) {
    return (0,gzip_parallel/* gzipParallel */.e7)(tarPieces(await archiveEntries(chart), sourceDateSeconds, gzip/* MEMBER_BYTES */.t7));
}


/***/ }),

/***/ 6732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ sourceDate)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/**
 * The one timestamp of a build: SOURCE_DATE_EPOCH when set, else the Unix epoch. Never the clock, the
 * commit or the clone's history: a shallow clone (actions/checkout's default), a full clone and a
 * tarball without .git give the same chart the same digest, on every commit that leaves it alone.
 */
function sourceDate(env = process.env) {
    const fromEnv = env.SOURCE_DATE_EPOCH?.trim();
    if (!fromEnv)
        return { seconds: 0, from: 'fixed' };
    if (!/^\d+$/.test(fromEnv)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`SOURCE_DATE_EPOCH=${JSON.stringify(fromEnv)} is not a whole number of seconds`, {
            hint: 'Set it to a Unix time such as $(git log -1 --format=%ct), or unset it',
        });
    }
    return { seconds: Number(fromEnv), from: 'SOURCE_DATE_EPOCH' };
}


/***/ }),

/***/ 46994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ yamlSyntaxError)
/* harmony export */ });
/* harmony import */ var _util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63235);
/* harmony import */ var _go_values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7475);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);



/**
 * A YAML syntax error of the file `where` as one line: `invalid YAML at line L, column C: <what>`, the
 * parser's code frame and trailing position dropped, and the position kept on the error (line, col)
 * for a face that can point at it. Anything else the parser threw keeps its first line.
 */
function yamlSyntaxError(err, where, hint) {
    const first = (err.message ?? String(err)).split('\n')[0];
    const lib = (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .yamlIfLoaded */ .Cu)();
    const pos = lib && err instanceof lib.YAMLError ? err.linePos?.[0] : err instanceof _go_values_js__WEBPACK_IMPORTED_MODULE_0__/* .GoYamlError */ .oy ? err.position : undefined;
    const what = first
        .replace(/\s+at line \d+, column \d+:?\s*$/, '')
        .replace(/^Missing closing (["'])quote$/, (_, q) => `a ${q === '"' ? 'double' : 'single'}-quoted string is not closed`);
    const at = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`invalid YAML${at}: ${what}`, { where, hint, line: pos?.line, col: pos?.col });
}


/***/ }),

/***/ 13634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ basicToken),
/* harmony export */   t: () => (/* binding */ basicAuth)
/* harmony export */ });
/**
 * HTTP Basic credentials, encoded in this one place: `token` is base64(user:password), what a
 * `Basic` header carries, what Helm and Docker store as `auths[host].auth`, and what a face masks.
 */
function basicToken(username, password) {
    return Buffer.from(`${username}:${password}`).toString('base64');
}
/** The `authorization` header value for a user and password. */
function basicAuth(username, password) {
    return `Basic ${basicToken(username, password)}`;
}


/***/ }),

/***/ 22559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ep: () => (/* binding */ helmConfigHome),
/* harmony export */   L4: () => (/* binding */ findCredential),
/* harmony export */   VJ: () => (/* binding */ storeLogin),
/* harmony export */   Zz: () => (/* binding */ helmRegistryConfigPath),
/* harmony export */   _$: () => (/* binding */ removeLogin)
/* harmony export */ });
/* unused harmony exports dockerConfigPath, decodeEntry */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _basic_auth_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(13634);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _util_atomic_write_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(95105);
/* harmony import */ var _util_file_lock_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(98806);








/** `helm registry login`'s file: $HELM_REGISTRY_CONFIG, else $HELM_CONFIG_HOME/registry/config.json, else the platform's config folder. */
function helmRegistryConfigPath(env = process.env, platform = process.platform) {
    return env.HELM_REGISTRY_CONFIG || node_path__WEBPACK_IMPORTED_MODULE_3___default().join(helmConfigHome(env, platform), 'registry', 'config.json');
}
/** Helm's config home: $HELM_CONFIG_HOME, else `helm` under the platform's config folder (XDG on Linux). */
function helmConfigHome(env = process.env, platform = process.platform) {
    if (env.HELM_CONFIG_HOME)
        return env.HELM_CONFIG_HOME;
    let base;
    if (env.XDG_CONFIG_HOME)
        base = env.XDG_CONFIG_HOME;
    else if (platform === 'darwin')
        base = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), 'Library', 'Preferences');
    else if (platform === 'win32')
        base = env.APPDATA ?? node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), 'AppData', 'Roaming');
    else
        base = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(env.HOME ?? node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), '.config');
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(base, 'helm');
}
function dockerConfigPath(env = process.env) {
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(env.DOCKER_CONFIG ?? node_path__WEBPACK_IMPORTED_MODULE_3___default().join(env.HOME ?? node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), '.docker'), 'config.json');
}
async function readConfig(file) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'); // small, and read before the first request: no loop turns to wait for
    }
    catch (err) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .fsCode */ .r0)(err) === 'ENOENT')
            return {};
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`cannot read it (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .fsCode */ .r0)(err) ?? err.message})`, { where: file, hint: 'Check its permissions' });
    }
    if (text.trim() === '')
        return {};
    try {
        return JSON.parse(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo('is not valid JSON', { where: file, hint: 'Fix or delete the file, then log in again' });
    }
}
/** The keys an entry for `host` may be stored under (Docker Hub has its historic one). */
function hostKeys(host) {
    const keys = [host, `https://${host}`, `http://${host}`, `https://${host}/v1/`, `https://${host}/v2/`];
    if (host === 'docker.io' || host === 'registry-1.docker.io' || host === 'index.docker.io')
        keys.push('https://index.docker.io/v1/', 'docker.io', 'registry-1.docker.io');
    return keys;
}
function decodeEntry(entry, where) {
    if (entry.identitytoken)
        return { identityToken: entry.identitytoken };
    if (entry.registrytoken)
        return { identityToken: entry.registrytoken };
    if (entry.username && entry.password)
        return { username: entry.username, password: entry.password };
    if (entry.auth) {
        const text = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = text.indexOf(':');
        if (colon < 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo('holds an "auth" value that is not base64 of user:password', { where, hint: 'Log in again to rewrite it' });
        return { username: text.slice(0, colon), password: text.slice(colon + 1) };
    }
    return undefined;
}
/** `<command> get` with `input` on stdin: its exit code and output, bounded in time and size. */
async function runHelper(command, input) {
    // Loaded here: most runs have no credential helper, and child_process is not on their way.
    const { execFile } = process.getBuiltinModule('node:child_process');
    return new Promise((resolve, reject) => {
        const child = execFile(command, ['get'], { timeout: 30_000, maxBuffer: 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
            const code = err?.code;
            if (err && typeof code !== 'number')
                reject(err);
            else
                resolve({ exitCode: typeof code === 'number' ? code : 0, stdout, stderr });
        });
        child.stdin?.on('error', () => { });
        child.stdin?.end(input);
    });
}
/** Runs `docker-credential-<helper> get` with the host on stdin, as Docker does. */
async function runCredentialHelper(helper, host) {
    const command = `docker-credential-${helper}`;
    let out;
    try {
        out = await runHelper(command, host);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`the credential helper ${command} could not be run (${err.message})`, {
            hint: `Install ${command}, or remove it from Docker's config`,
        });
    }
    if (out.exitCode !== 0) {
        if (/credentials not found/i.test(out.stdout + out.stderr))
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`the credential helper ${command} failed for ${host}: ${(out.stderr || out.stdout).trim().split('\n')[0]}`, {
            hint: `Check that ${command} is installed and logged in`,
        });
    }
    let parsed;
    try {
        parsed = JSON.parse(out.stdout);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${command} answered something that is not JSON`);
    }
    if (!parsed.Secret)
        return undefined;
    return parsed.Username === '<token>' ? { identityToken: parsed.Secret } : { username: parsed.Username ?? '', password: parsed.Secret };
}
/** Stored credentials for `host`: Helm's registry config, then Docker's (helpers, auths, credsStore). */
async function findCredential(host, env = process.env) {
    const helmFile = helmRegistryConfigPath(env);
    const helm = await readConfig(helmFile);
    for (const key of hostKeys(host)) {
        const entry = helm.auths?.[key];
        const credential = entry && decodeEntry(entry, helmFile);
        if (credential)
            return { credential, source: helmFile };
    }
    const dockerFile = dockerConfigPath(env);
    const docker = await readConfig(dockerFile);
    const helper = docker.credHelpers?.[host];
    if (helper) {
        const credential = await runCredentialHelper(helper, host);
        if (credential)
            return { credential, source: `docker-credential-${helper}` };
    }
    for (const key of hostKeys(host)) {
        const entry = docker.auths?.[key];
        const credential = entry && decodeEntry(entry, dockerFile);
        if (credential)
            return { credential, source: dockerFile };
    }
    if (docker.credsStore) {
        const credential = await runCredentialHelper(docker.credsStore, host);
        if (credential)
            return { credential, source: `docker-credential-${docker.credsStore}` };
    }
    return undefined;
}
/**
 * Stores a login as `helm registry login` does: `auths[host].auth` = base64(user:password), the rest
 * of the file kept, tab-indented JSON, written atomically with mode 0600 in a 0700 folder.
 * Returns the entry it replaced, if any.
 */
async function storeLogin(file, host, username, password) {
    if (username.includes(':'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo('a user name may not contain ":"', { hint: 'Check the user name', code: 'username-colon' });
    return updateConfig(file, (config) => {
        const previous = config.auths?.[host];
        config.auths = { ...config.auths, [host]: { auth: (0,_basic_auth_js__WEBPACK_IMPORTED_MODULE_7__/* .basicToken */ .a)(username, password) } };
        return { write: true, result: previous };
    });
}
/**
 * Removes the login for `host`, or puts `restore` back in its place. With `expect`, only while the
 * stored entry is still that one (a later login for the same host is kept): 'kept' then.
 */
async function removeLogin(file, host, restore, expect) {
    return updateConfig(file, (config) => {
        const current = config.auths?.[host];
        if (expect && JSON.stringify(current) !== JSON.stringify(expect))
            return { write: false, result: current ? 'kept' : false };
        if (!current && !restore)
            return { write: false, result: false };
        const auths = { ...config.auths };
        if (restore)
            auths[host] = restore;
        else
            delete auths[host];
        config.auths = auths;
        return { write: true, result: true };
    });
}
/** One read-change-write of a credential file under its lock: concurrent logins to other hosts lose nothing. */
async function updateConfig(file, change) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(file);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true, mode: 0o700 });
    return (0,_util_file_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .withFileLock */ .U)(`${file}.lock`, async () => {
        // Left by a write that was killed (they hold the auth): removed by every change, a logout too, written or not.
        await (0,_util_atomic_write_js__WEBPACK_IMPORTED_MODULE_5__/* .removeOrphans */ .C)(dir, node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(file));
        const config = await readConfig(file);
        const { write, result } = change(config);
        if (write) {
            await (0,_util_atomic_write_js__WEBPACK_IMPORTED_MODULE_5__/* .writeFileAtomic */ .Z)(file, JSON.stringify(config, null, '\t'), { mode: 0o600 });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(file, 0o600);
        }
        return result;
    });
}


/***/ }),

/***/ 39301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Em: () => (/* binding */ answerTimeout),
/* harmony export */   NE: () => (/* binding */ withDeadline),
/* harmony export */   Ss: () => (/* binding */ outsideDeadline),
/* harmony export */   Vq: () => (/* binding */ requestTimeout),
/* harmony export */   nl: () => (/* binding */ deadline),
/* harmony export */   r4: () => (/* binding */ noteLateAnswer)
/* harmony export */ });
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16698);
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_async_hooks__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The deadline of the operation under way, shared by everything it does: retry loops nested in it
 * (a blob upload's restarts around each request's own retries) and every request they make, however
 * deep, end by it. Set by the outermost `retrying`; an inner one never extends it.
 */
const current = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
/** The deadline in force, if an operation set one. */
function deadline() {
    return current.getStore()?.at;
}
/** Runs `fn` under the deadline `at`, unless one is already in force (the outer operation's stands). */
function withDeadline(at, fn) {
    return current.getStore() === undefined ? current.run({ at, late: new Map() }, fn) : fn();
}
/** A request's time: `timeoutMs`, or less when the operation's deadline comes first (never below 0). */
function requestTimeout(timeoutMs) {
    const at = current.getStore()?.at;
    return at === undefined ? timeoutMs : Math.max(0, Math.min(timeoutMs, at - Date.now()));
}
/**
 * How long a request may wait for its answer's first byte once it is sent: `baseMs`, and from the
 * third request of this operation with the same method that waited in vain on, twice as long each
 * time (base, base, base, 2\u00d7, 4\u00d7, \u2026). The first two retries take the request for lost (a load balancer
 * dropped it: one request in ten, at a 40% fault rate, is met twice in a row) and send it again within
 * seconds; from then on the registry is taken for slow at that kind of request (a PUT that completes a
 * large blob, which it verifies), so it is never given up for being slow. A lost HEAD does not lengthen
 * the wait for a PUT.
 */
function answerTimeout(baseMs, method) {
    return baseMs * 2 ** Math.min(Math.max(0, (current.getStore()?.late.get(method) ?? 0) - 2), 16);
}
/** A request of this operation got no answer within `answerTimeout`. */
function noteLateAnswer(method) {
    const op = current.getStore();
    if (op)
        op.late.set(method, (op.late.get(method) ?? 0) + 1);
}
/** Runs `fn` outside any operation's deadline: a caller's callback starting an operation of its own. */
function outsideDeadline(fn) {
    return current.exit(fn);
}


/***/ }),

/***/ 68825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   YW: () => (/* binding */ checkDescriptor),
/* harmony export */   m: () => (/* binding */ parseDigest),
/* harmony export */   q0: () => (/* binding */ describe),
/* harmony export */   sc: () => (/* binding */ sha256)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _util_quoted_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59202);



function sha256(data) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex')}`;
}
function describe(mediaType, data) {
    return { mediaType, digest: sha256(data), size: data.length };
}
/**
 * A digest as this client accepts one: `sha256:` and 64 lower-case hex digits, nothing else. The
 * OCI spec also registers sha512, but every chart Helm or Chartlift writes is sha256, and each check
 * here (a download's, a cache blob's) hashes with sha256: a sha512 digest could not be verified, so it
 * is refused like any other text.
 */
const DIGEST = /^sha256:[0-9a-f]{64}$/;
function isDigest(value) {
    return typeof value === 'string' && DIGEST.test(value);
}
/**
 * `value` as a digest, or a UserError naming what carried it (`what`, e.g. "the config digest") and
 * where (a reference, a registry, a file), the value escaped. Every digest that comes from outside
 * (a registry's manifest or header, the cache's index.json or a cached manifest) passes here before
 * it names a file or a request.
 */
function parseDigest(value, what, where) {
    if (isDigest(value))
        return value;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${what} ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .T)(value)} is not a valid digest`, {
        where,
        hint: 'A digest is sha256: and 64 lower-case hex digits: what wrote this is broken or hostile, and nothing was read or written for it',
    });
}
/** A descriptor's digest and size checked (see parseDigest); the descriptor itself is returned. */
function checkDescriptor(d, what, where) {
    parseDigest(d.digest, `${what} digest`, where);
    if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${what} size ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .T)(d.size)} is not a size`, {
            where,
            hint: 'A size is a whole number of bytes: what wrote this is broken or hostile',
        });
    return d;
}


/***/ }),

/***/ 82240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gl: () => (/* binding */ RegistryError),
  x6: () => (/* binding */ networkError),
  np: () => (/* binding */ quotaSpent),
  U3: () => (/* binding */ responseError)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/causes.ts
var causes = __webpack_require__(7554);
// EXTERNAL MODULE: ./src/util/printable.ts
var printable = __webpack_require__(41095);
;// CONCATENATED MODULE: ./src/oci/hosted-registries.ts


const HOSTS = [
    [/^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/, 'ecr'],
    [/\.azurecr\.(io|cn|us)$/, 'acr'],
    [/^[a-z0-9-]+-docker\.pkg\.dev$/, 'gar'],
    [/^ghcr\.io$/, 'ghcr'],
    [/^(registry-1\.docker\.io|index\.docker\.io|docker\.io)$/, 'docker-hub'],
    [/^quay\.io$/, 'quay'],
    [/\.jfrog\.io$/, 'artifactory'],
    [/^registry\.gitlab\.com$/, 'gitlab'],
];
/**
 * The family of a registry, by its host (`host[:port]`), else by the `service` its Bearer challenge
 * names: Docker Hub's token service is `registry.docker.io` (docs.docker.com, "Docker Hub pull usage
 * and limits"), GitLab's `container_registry` (docs.gitlab.com, container registry administration,
 * `registry['token_realm']`), Harbor's `harbor-registry` (goharbor/harbor src/core/service/token).
 */
function hostedFamily(registry, service) {
    const host = registry.replace(/:\d+$/, '').toLowerCase();
    for (const [pattern, family] of HOSTS)
        if (pattern.test(host))
            return family;
    if (service === 'registry.docker.io')
        return 'docker-hub';
    if (service === 'container_registry')
        return 'gitlab';
    if (service === 'harbor-registry')
        return 'harbor';
    if (service === 'ecr.amazonaws.com')
        return 'ecr';
    return undefined;
}
/** The tag of the referrers tag schema: `sha256-<hex>` (distribution-spec, "Referrers Tag Schema"). */
const REFERRERS_TAG = /^sha256-[0-9a-f]{64}$/;
/** A hosted registry's answer that names its own remedy, as a UserError; undefined for any other. */
function hostedAnswer(a, q) {
    const family = hostedFamily(q.registry, q.service);
    const where = q.repository ? `${q.registry}/${q.repository}` : q.registry;
    return (repositoryMissing(a, q, family, where) ??
        immutableTag(a, q, family, where) ??
        rateLimited(a, q, family) ??
        depthRefused(a, q, family, where) ??
        undefined);
}
/**
 * A repository (or Harbor project) that must exist before a push. ECR: `NAME_UNKNOWN: The repository
 * with name 'x' does not exist in the registry with id '123456789012'` (plexsystems/sinker#55,
 * aws-actions/amazon-ecr-login#166); ECR creates on push only through a repository creation template
 * with CREATE_ON_PUSH (hashicorp/terraform-provider-aws#45701). GAR: `NAME_UNKNOWN: Repository "x" not
 * found` (GoogleCloudPlatform/developer-journey-app#117; Artifact Registry's troubleshooting: the
 * repository is created apart from the first push). Harbor: `UNAUTHORIZED: project not found, name: x`
 * (goharbor/harbor src/server/middleware/v2auth/auth.go; goharbor/harbor#20544: create the project first).
 */
function repositoryMissing(a, q, family, where) {
    const ecr = a.codes.includes('NAME_UNKNOWN') && (/does not exist in the registry with id/i.test(a.messages) || family === 'ecr');
    if (ecr) {
        const repo = /repository with name '([^']+)'/i.exec(a.messages)?.[1] ?? q.repository ?? '<repository>';
        return new errors/* UserError */.yo(`${where} does not exist: Amazon ECR creates no repository on push (${a.words})`, {
            hint: `Create it first: aws ecr create-repository --repository-name ${quote(repo)}, or add a repository creation template with CREATE_ON_PUSH for its prefix (aws ecr create-repository-creation-template)`,
        });
    }
    const gar = a.codes.includes('NAME_UNKNOWN') ? /Repository "([^"]+)" not found/i.exec(a.messages) : null;
    if (gar) {
        // The location is the host's (or the token service's, which is named for the host) first label.
        const location = [q.registry.replace(/:\d+$/, ''), q.service ?? ''].map((h) => /^([a-z0-9-]+)-docker\.pkg\.dev$/.exec(h)?.[1]).find(Boolean) ??
            'LOCATION';
        return new errors/* UserError */.yo(`${where}: the Artifact Registry repository "${quote(gar[1])}" does not exist (${a.words})`, {
            hint: `Create it first: gcloud artifacts repositories create ${quote(gar[1])} --repository-format=docker --location=${location} (a push creates none)`,
        });
    }
    const harbor = /project not found, name: ([^:\s"]+)/i.exec(a.messages);
    if (harbor)
        return new errors/* UserError */.yo(`${where}: the Harbor project "${quote(harbor[1])}" does not exist (${a.words})`, {
            hint: `Create the project "${quote(harbor[1])}" in Harbor first (Projects, New Project; or POST /api/v2.0/projects): a push creates none, and a robot account cannot`,
        });
    return undefined;
}
/**
 * A tag the registry keeps immutable, refused on a manifest PUT. ECR: `TAG_INVALID: The image tag 'x'
 * already exists in the 'y' repository and cannot be overwritten because the tag is immutable`
 * (osscontainertools/kaniko#204). Harbor: 412 `PRECONDITION: Failed to process request due to 'p/r:t'
 * configured as immutable.` (goharbor/harbor src/pkg/immutable/match, ErrImmutable). ACR: a locked tag
 * (writeEnabled false), 405 `REGISTRY_DISALLOWED_OPERATION: The operation is disallowed on this
 * registry, repository or image.` (Azure/acr-cli#70; learn.microsoft.com, container-registry-image-lock).
 * GAR and Docker Hub (docs.docker.com, immutable tags) say "immutable" in their words.
 */
function immutableTag(a, q, family, where) {
    if (!/^push the manifest/.test(q.what))
        return undefined;
    const locked = a.codes.includes('REGISTRY_DISALLOWED_OPERATION');
    if (!locked && !/immutable/i.test(a.messages))
        return undefined;
    const tag = q.reference ?? '';
    const ref = tag ? `${where}:${tag}` : where;
    if (REFERRERS_TAG.test(tag))
        return new errors/* UserError */.yo(`${ref} is immutable in this registry, and it is the referrers index (the tag a registry without a referrers API keeps a chart's signatures and attestations in): a second referrer cannot be added to it (${a.words})`, {
            hint: 'Exempt sha256-* tags from tag immutability (ECR: IMMUTABLE_WITH_EXCLUSION with the wildcard filter sha256-*; Harbor: exclude sha256-** in the immutability rule); GAR makes all tags immutable or none',
            code: 'referrers-tag-immutable',
        });
    const how = locked
        ? `is locked (ACR: writeEnabled false; unlock it with az acr repository update --image ${quote(`${q.repository ?? ''}:${tag}`)} --write-enabled true)`
        : `is immutable in ${family === 'ecr' ? 'this ECR repository (image tag mutability IMMUTABLE)' : family === 'harbor' ? 'this Harbor project (a tag immutability rule)' : 'this registry'}`;
    return new errors/* UserError */.yo(`${ref} ${how}: it cannot be replaced (${a.words})`, {
        hint: 'Publish a new chart version: a published tag stays as it is there',
        code: 'tag-immutable',
    });
}
/**
 * A rate limit. Docker Hub answers 429 `TOOMANYREQUESTS` with `ratelimit-limit: 100;w=21600`,
 * `ratelimit-remaining: 0;w=21600` (the window, in seconds) and `docker-ratelimit-source` (docs.docker.com,
 * "Docker Hub pull usage and limits", "View pull rate and limit"); authenticated users have a higher
 * limit, paid plans none. A `Retry-After` (seconds or an HTTP date) is the registry's own time.
 */
function rateLimited(a, q, family) {
    if (a.status !== 429 && !a.codes.includes('TOOMANYREQUESTS'))
        return undefined;
    const limit = /^\s*(\d+)\s*;\s*w=(\d+)/.exec(a.headers['ratelimit-limit'] ?? '');
    const left = /^\s*(\d+)\s*;\s*w=(\d+)/.exec(a.headers['ratelimit-remaining'] ?? '');
    // A quota for a window (the ratelimit-* headers) is this; any other 429 is a passing limit, retried
    // with its Retry-After and reported as such (errors.ts).
    if (!left)
        return undefined;
    const source = a.headers['docker-ratelimit-source'];
    const parts = [`${left[1]} of ${limit?.[1] ?? '?'} pulls left in a ${left[2]}-second window`];
    if (source)
        parts.push(`counted for ${(0,printable/* printable */.g)(source.slice(0, 64))}`);
    const when = resetTime(a.headers['retry-after'], Number(left[1]) === 0 ? Number(left[2]) : undefined);
    const name = family === 'docker-hub' ? 'Docker Hub' : q.registry;
    const text = `${name} is rate limiting requests (${parts.join(', ')})${when ? `: ${when}` : ''} (${a.words})`;
    return new errors/* UserError */.yo(text, {
        hint: q.username
            ? 'Wait until then; a paid plan of the registry lifts or raises the limit'
            : 'Wait until then, or authenticate: an authenticated user has a higher limit',
        code: q.username ? undefined : 'rate-limited',
    });
}
/** When a rate limit frees up: the registry's Retry-After, else the end of the window at the latest. */
function resetTime(retryAfter, windowSeconds, now = Date.now()) {
    if (retryAfter) {
        const seconds = Number(retryAfter);
        const at = Number.isFinite(seconds) ? now + seconds * 1000 : Date.parse(retryAfter);
        if (Number.isFinite(at))
            return `it resets at ${utc(at)}`;
    }
    if (windowSeconds !== undefined && Number.isFinite(windowSeconds) && windowSeconds > 0)
        return `it frees up within the window, by ${utc(now + windowSeconds * 1000)} at the latest`;
    return undefined;
}
function utc(ms) {
    return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
/**
 * A repository path deeper than the registry allows. Docker Hub: `<namespace>/<name>`, two components
 * (docker/hub-feedback#1404); its token service answers a deeper scope with 400 `{"details":"invalid
 * repository name"}` (google/go-containerregistry#1687). GAR: `NAME_INVALID: Missing image name. Pushes
 * should be of the form docker push HOST-NAME/PROJECT-ID/REPOSITORY/IMAGE` (docker/build-push-action#171).
 * GitLab: at most two names after the project's path, refused as a denial (gitlab-org/gitlab#503790).
 */
function depthRefused(a, q, family, where) {
    if (family === 'docker-hub' && a.status === 400 && /invalid repository name/i.test(a.text))
        return new errors/* UserError */.yo(`Docker Hub refused the repository ${where}: its repositories are <namespace>/<name>, two components (${a.words})`, {
            hint: 'Publish to oci://registry-1.docker.io/<namespace> (the chart name is appended as the second component)',
        });
    if (a.codes.includes('NAME_INVALID') && /PROJECT-ID\/REPOSITORY\/IMAGE/i.test(a.messages))
        return new errors/* UserError */.yo(`${where} is not an Artifact Registry image path (${a.words})`, {
            hint: 'Publish to oci://LOCATION-docker.pkg.dev/PROJECT/REPOSITORY (the chart name is appended as the image)',
        });
    if (family === 'gitlab' &&
        (a.status === 401 || a.status === 403) &&
        /denied|insufficient_scope/i.test(`${a.messages} ${a.headers['www-authenticate'] ?? ''}`))
        return new errors/* UserError */.yo(`no permission to ${q.what} ${where} (${a.words})`, {
            hint: "Check that the user may push to this GitLab project (a CI job's token: its own project), and that the path has at most two names after the project's (registry.example.com/group/project/a/b)",
        });
    return undefined;
}
function quote(s) {
    return (0,printable/* printable */.g)(s.slice(0, 200));
}

// EXTERNAL MODULE: ./src/oci/tls-codes.ts
var tls_codes = __webpack_require__(29383);
// EXTERNAL MODULE: ./src/oci/retry.ts
var retry = __webpack_require__(49963);
;// CONCATENATED MODULE: ./src/oci/errors.ts






/** A registry or network failure; `transient` says whether trying again may help. */
class RegistryError extends errors/* UserError */.yo {
    status;
    transient;
    /** A connection's failure (its cause is the network error), not the registry's answer. */
    network;
    /** The registry's Retry-After (a 429's or a 503's), for whoever tries the operation again. */
    retryAfter;
    constructor(message, options = {}) {
        super(message, options);
        this.name = 'RegistryError';
        this.status = options.status;
        this.transient = options.transient ?? false;
        this.network = options.network ?? false;
        this.retryAfter = options.retryAfter;
    }
}
/** Of what a registry (or a token service) says, this many characters are quoted. */
const WORDS_MAX = 200;
/**
 * The registry's own words: `CODE: message` for each error in a distribution error body, else the
 * first line of the body. Quoted, not obeyed: at most WORDS_MAX characters, escaped by `printable`
 * (no line breaks, terminal escapes or workflow commands reach a message from here).
 */
function registryWords(res) {
    let words;
    try {
        const body = JSON.parse(res.body.toString('utf8'));
        const parts = (Array.isArray(body.errors) ? body.errors : []).map((e) => [e?.code, e?.message].filter((x) => typeof x === 'string' && x !== '').join(': '));
        if (parts.some(Boolean))
            words = parts.filter(Boolean).join('; ');
    }
    catch {
        // not JSON: fall through
    }
    if (words === undefined) {
        const text = res.body.toString('utf8').trim().split('\n')[0];
        words = text ? `HTTP ${res.status}: ${text}` : `HTTP ${res.status}`;
    }
    return (0,printable/* printable */.g)(words.length > WORDS_MAX ? `${words.slice(0, WORDS_MAX)}\u2026` : words);
}
/** Every `CODE: message` of a distribution error body, whole (for recognising an answer, not for quoting). */
function registryMessages(res) {
    try {
        const body = JSON.parse(res.body.subarray(0, 64 * 1024).toString('utf8'));
        return (Array.isArray(body.errors) ? body.errors : [])
            .map((e) => [e?.code, e?.message].filter((x) => typeof x === 'string').join(': '))
            .join('; ');
    }
    catch {
        return '';
    }
}
function registryCodes(res) {
    try {
        return (JSON.parse(res.body.toString('utf8')).errors ?? []).map((e) => e.code ?? '');
    }
    catch {
        return [];
    }
}
/**
 * A rate limit that waiting seconds does not lift: `ratelimit-remaining: 0;w=<seconds>` (Docker Hub's
 * pull limit, a window of hours: docs.docker.com, "Docker Hub pull usage and limits"). Not retried.
 */
function quotaSpent(headers) {
    return /^\s*0\s*;\s*w=\d+/.test(headers['ratelimit-remaining'] ?? '');
}
/** A failed registry response, as an error a person can act on. */
function responseError(what, res, target) {
    const e = describeResponse(what, res, target);
    const tries = res.attempts && res.attempts > 1 ? ` (gave up after ${res.attempts} attempts)` : '';
    return new RegistryError((0,printable/* printable */.g)(`${e.message}${tries}`), {
        hint: e.hint,
        code: e.code,
        status: res.status,
        transient: ((0,retry/* isRetryableStatus */.PS)(res.status) && !quotaSpent(res.headers)) || registryCodes(res).includes('BLOB_UPLOAD_UNKNOWN'),
        retryAfter: res.headers['retry-after'],
    });
}
function describeResponse(what, res, target) {
    const words = registryWords(res);
    const codes = registryCodes(res);
    const where = target.repository ? `${target.registry}/${target.repository}` : target.registry;
    const text = res.body.subarray(0, 64 * 1024).toString('utf8');
    const hosted = hostedAnswer({ status: res.status, headers: res.headers, codes, words, messages: registryMessages(res), text }, { what, ...target });
    if (hosted)
        return hosted;
    const insufficientScope = /error="?insufficient_scope/i.test(res.headers['www-authenticate'] ?? '');
    if ((res.status === 401 || codes.includes('UNAUTHORIZED')) && !insufficientScope) {
        // Anonymous: the same words whatever was asked (a HEAD's 401 has no body to quote, a GET's says the same).
        return new errors/* UserError */.yo(`authentication failed for ${target.registry} as ${target.username ? `${JSON.stringify(target.username)} (${words})` : 'an anonymous user (HTTP 401: the registry asks for credentials)'}`, {
            hint: target.username
                ? 'Check the username and password (or token), and that the token has not expired'
                : 'Give credentials, or log in to the registry first',
            code: target.username ? undefined : 'unauthorized',
        });
    }
    if (res.status === 403 || codes.includes('DENIED') || insufficientScope) {
        // GHCR by its host, or by its words: `permission_denied: The token provided does not match expected
        // scopes` (a token without write:packages), `installation not allowed to Write organization package`.
        const ghcr = target.registry === 'ghcr.io' ||
            target.registry.endsWith('.ghcr.io') ||
            /permission_denied: The token provided does not match expected scopes|not allowed to Write organization package/i.test(text);
        const who = target.username ? JSON.stringify(target.username) : 'this user';
        return new errors/* UserError */.yo(`no permission to ${what} ${where} (${words})`, {
            hint: ghcr
                ? `Check that ${who} may write packages, and that an existing package grants it Write access in its settings`
                : `Check that ${who} may push to this repository`,
            code: ghcr ? 'ghcr-denied' : undefined,
        });
    }
    if (res.status === 400 && /HTTP request to an HTTPS server/i.test(res.body.toString('utf8'))) {
        return new errors/* UserError */.yo(`${target.registry} speaks HTTPS, but plain HTTP was used`, { hint: 'Talk HTTPS to it', code: 'https-expected' });
    }
    if (res.status === 429 || codes.includes('TOOMANYREQUESTS')) {
        return new errors/* UserError */.yo(`${target.registry} is rate limiting requests (${words})`, {
            hint: 'Wait and run again, or authenticate to get a higher limit',
        });
    }
    return new errors/* UserError */.yo(`${what} ${where} failed: ${words}`, {
        hint: res.status >= 500 ? 'The registry had an error: run again later' : 'See the registry\u2019s message',
    });
}
/** A connection failure (refused, unknown host, TLS spoken to plain HTTP, \u2026) as an actionable error. */
function networkError(err, registry, plainHttp, attempts = 1) {
    const e = describeNetwork(err, registry, plainHttp);
    const tries = attempts > 1 ? ` (gave up after ${attempts} attempts)` : '';
    return new RegistryError((0,printable/* printable */.g)(`${e.message}${tries}`), {
        hint: e.hint,
        code: e.code,
        cause: err,
        transient: (0,retry/* isRetryableError */.$d)(err),
        network: true,
    });
}
function describeNetwork(err, registry, plainHttp) {
    const codes = (0,causes/* errorCodes */.f)(err);
    const text = errorText(err);
    const has = (...c) => c.some((x) => codes.includes(x));
    if (has('ECONNREFUSED'))
        return new errors/* UserError */.yo(`cannot reach ${hostPort(registry, plainHttp)}: connection refused`, {
            hint: 'Check the host and port, and that the registry is running',
            cause: err,
            code: 'connection-refused',
        });
    if (has('ENOTFOUND', 'EAI_AGAIN'))
        return new errors/* UserError */.yo(`cannot resolve the host of ${registry}`, {
            hint: 'Check the registry host name',
            cause: err,
            code: 'unknown-host',
        });
    if (has('ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG') ||
        /wrong version number|packet length too long|before secure TLS connection/i.test(text)) {
        return new errors/* UserError */.yo(`${registry} does not speak HTTPS (the TLS handshake got plain HTTP back)`, {
            hint: 'Talk plain HTTP to a registry served that way',
            cause: err,
            code: 'http-expected',
        });
    }
    const untrusted = codes.find((c) => tls_codes/* UNTRUSTED_CERT_CODES */.h.has(c));
    if (untrusted) {
        return new errors/* UserError */.yo(`the TLS certificate of ${registry} is not trusted (${untrusted})`, {
            hint: 'Trust its CA, or fix the certificate',
            cause: err,
            code: 'tls-untrusted',
        });
    }
    if (has('ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT') || (0,causes/* causes */.p)(err).some(retry/* isDeadline */.vh))
        return new errors/* UserError */.yo(`${registry} did not answer in time`, { hint: 'Check the network, or run again later', cause: err });
    if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE')) {
        return new errors/* UserError */.yo(`the connection to ${registry} was closed (${text})`, {
            hint: plainHttp ? 'If the registry speaks HTTPS, talk HTTPS to it' : 'Run again; if it persists, check proxies and the registry',
            cause: err,
            code: plainHttp ? 'reset-over-plain-http' : undefined,
        });
    }
    return new errors/* UserError */.yo(`cannot talk to ${registry}: ${text}`, { cause: err });
}
function hostPort(registry, plainHttp) {
    return /:\d+$/.test(registry) ? registry : `${registry}:${plainHttp ? 80 : 443}`;
}
function errorText(err) {
    const e = (0,causes/* causes */.p)(err).find((x) => x instanceof Error && x.message && !/^fetch failed$/.test(x.message));
    return e ? e.message : String(err);
}


/***/ }),

/***/ 25232:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KQ: () => (/* binding */ BodyTooLarge),
  lw: () => (/* binding */ Http),
  CB: () => (/* binding */ readBounded)
});

// UNUSED EXPORTS: HttpClosed

// EXTERNAL MODULE: ./src/oci/deadline.ts
var deadline = __webpack_require__(39301);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: ./src/util/causes.ts
var causes = __webpack_require__(7554);
// EXTERNAL MODULE: ./src/oci/tls-codes.ts
var tls_codes = __webpack_require__(29383);
// EXTERNAL MODULE: ./src/oci/early-request.ts
var early_request = __webpack_require__(83346);
// EXTERNAL MODULE: ./src/oci/trust.ts
var trust = __webpack_require__(21571);
// EXTERNAL MODULE: ./src/oci/transport.ts
var oci_transport = __webpack_require__(92268);
;// CONCATENATED MODULE: ./src/oci/node-transport.ts






const CONNECT_TIMEOUT_MS = 10_000;
/** What `dump` reads of a body nobody wants before it closes the connection instead. */
const DUMP_LIMIT = 128 * 1024;
const PAYLOAD_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/**
 * Node's own HTTP client (built into the runtime: nothing to load or compile at start), keep-alive
 * connections, no redirects followed. HTTPS is checked against `narrowTls` first; a certificate whose
 * root only the system's store holds switches every later connection to `wideTls`, and the request
 * is made once more (its connection failed before a byte of it was sent).
 */
class NodeTransport {
    #trust;
    #plain;
    #narrow;
    #wide;
    /** Agents of early requests (early-request.ts) that came after this transport had its own: closed with it. */
    #adopted = [];
    constructor(trust) {
        this.#trust = trust;
    }
    async open(req, headers, signal, answerMs) {
        const url = new URL(req.url);
        const limits = { signal, answerMs };
        // An early request (early-request.ts) went out with the default trust: only such a transport takes its answer.
        const plainOrDefault = url.protocol === 'http:' || (!this.#trust.ca && !this.#trust.insecure);
        const early = plainOrDefault ? (0,early_request/* takeEarly */.hy)({ method: req.method, url: req.url, headers, body: req.body }) : undefined;
        if (early) {
            this.#adopt(early, url.protocol);
            try {
                return await earlyAnswer(early, req, limits);
            }
            catch (err) {
                if (url.protocol === 'http:' || !(0,causes/* errorCodes */.f)(err).some((c) => tls_codes/* UNKNOWN_ROOT_CODES */.R.has(c)))
                    throw err;
                // A root only the system's store holds: asked again below with every root, as any first connection would be.
                this.#wideAgent();
            }
        }
        if (url.protocol === 'http:')
            return exchange((external_node_http_default()), (this.#plain ??= new (external_node_http_default()).Agent(oci_transport/* AGENT_OPTIONS */.DW)), url, req, headers, limits);
        if (url.protocol !== 'https:')
            throw new Error(`cannot request ${url.protocol} addresses`);
        // node:https (and TLS) is loaded by the first HTTPS request: a plain-HTTP registry never needs it.
        const secure = process.getBuiltinModule('node:https');
        const agent = this.#wide ?? (this.#narrow ??= new secure.Agent({ ...oci_transport/* AGENT_OPTIONS */.DW, ...(0,trust/* narrowTls */.PO)(this.#trust) }));
        try {
            return await exchange(secure, agent, url, req, headers, limits);
        }
        catch (err) {
            if (agent !== this.#narrow || !(0,causes/* errorCodes */.f)(err).some((c) => tls_codes/* UNKNOWN_ROOT_CODES */.R.has(c)))
                throw err;
            return exchange(secure, this.#wideAgent(), url, req, headers, limits);
        }
    }
    /** The agent that checks certificates against every root (Node's, the system's and `ca`), made once. */
    #wideAgent() {
        return (this.#wide ??= new (process.getBuiltinModule('node:https').Agent)({ ...oci_transport/* AGENT_OPTIONS */.DW, ...(0,trust/* wideTls */.Ds)(this.#trust) }));
    }
    /**
     * An early request's connection stays with its agent: that agent becomes this transport's for its
     * protocol when it has none yet (its trust is the default, this transport's: see `open`).
     */
    #adopt(early, protocol) {
        if (protocol === 'http:' && !this.#plain)
            this.#plain = early.agent;
        else if (protocol === 'https:' && !this.#narrow && !this.#wide)
            this.#narrow = early.agent;
        else
            this.#adopted.push(early.agent);
    }
    async close() {
        for (const agent of this.#adopted)
            agent.destroy();
        this.#plain?.destroy();
        this.#narrow?.destroy();
        this.#wide?.destroy();
    }
}
function exchange(mod, agent, url, req, headers, { signal, answerMs }) {
    const body = req.body;
    const all = { ...headers };
    if (body !== undefined)
        all['content-length'] = String(Buffer.byteLength(body));
    else if (PAYLOAD_METHODS.has(req.method))
        all['content-length'] = '0';
    return new Promise((resolve, reject) => {
        let answered = false;
        let waiting;
        const r = mod.request(url, { method: req.method, headers: all, agent, signal }, (res) => {
            answered = true;
            clearTimeout(waiting);
            resolve(stream(res, req, signal));
        });
        r.once('socket', connectDeadline);
        r.once('error', reject);
        r.once('close', () => clearTimeout(waiting));
        // 'finish': the last of the body went to the operating system. From then on the answer's headers
        // have `answerMs`, as Go's http.Transport.ResponseHeaderTimeout counts "after fully writing the
        // request (including its body, if any)" (net/http/transport.go) and undici's headersTimeout runs
        // "while not sending the request" (lib/dispatcher/client-h1.js refreshes it while the body is
        // written): a registry that takes its time over a large blob it has just received (verifying its
        // digest) is not cut off for the upload's length, and a request a load balancer swallowed is
        // given up in seconds, not after the whole request timeout.
        r.end(body, () => {
            req.onSent?.();
            if (answered)
                return;
            waiting = setTimeout(() => r.destroy((0,oci_transport/* headersTimeoutError */.Mq)(answerMs)), answerMs);
        });
    });
}
/** An answer's head as a stream whose body ends with the exchange's deadline (a body dripping a byte at a time too). */
function stream(res, req, signal) {
    const onAbort = () => void res.destroy(new Error('the exchange passed its deadline', { cause: signal.reason }));
    signal.addEventListener('abort', onAbort, { once: true });
    res.once('close', () => signal.removeEventListener('abort', onAbort));
    return { status: res.statusCode ?? 0, headers: (0,oci_transport/* flattenHeaders */.N4)(res.headers), body: responseBody(res), url: req.url };
}
/**
 * The answer of the early request `req` turned out to be: already sent, so its answer's headers get
 * `answerMs` from now (more than from its sending), and the exchange's deadline holds as for any other.
 */
function earlyAnswer(early, req, { signal, answerMs }) {
    req.onSent?.();
    const cut = (err) => void early.request.destroy(err);
    const onAbort = () => cut(new Error('the exchange passed its deadline', { cause: signal.reason }));
    if (signal.aborted)
        onAbort();
    else
        signal.addEventListener('abort', onAbort, { once: true });
    // A timer that keeps the process alive while it waits (the early request's socket does not).
    const waiting = setTimeout(() => cut((0,oci_transport/* headersTimeoutError */.Mq)(answerMs)), answerMs);
    return early.response
        .then((res) => stream(res, req, signal))
        .finally(() => {
        clearTimeout(waiting);
        signal.removeEventListener('abort', onAbort);
    });
}
/** A connection not made (TCP, and TLS's handshake) within CONNECT_TIMEOUT_MS is given up. */
function connectDeadline(socket) {
    if (!socket.connecting)
        return;
    const timer = setTimeout(() => socket.destroy(Object.assign(new Error(`no connection within ${CONNECT_TIMEOUT_MS / 1000} s`), { code: 'ETIMEDOUT' })), CONNECT_TIMEOUT_MS);
    const done = () => clearTimeout(timer);
    socket.once('encrypted' in socket ? 'secureConnect' : 'connect', done);
    socket.once('close', done);
}
function responseBody(res) {
    return {
        [Symbol.asyncIterator]: () => res[Symbol.asyncIterator](),
        destroy: (err) => res.destroy(err),
        dump: async () => {
            let read = 0;
            try {
                for await (const chunk of res) {
                    read += chunk.length;
                    if (read > DUMP_LIMIT)
                        break;
                }
            }
            catch {
                // A body nobody wants may fail as it likes.
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/oci/http.ts



/**
 * How long a sent request waits for its answer to start, on its first try (each request of the same
 * operation and method that waited in vain doubles it: deadline.ts's answerTimeout). Registries answer
 * in well under a second, a manifest PUT or a blob's final PUT included, but a request a load balancer
 * dropped gets no answer at all: waiting the whole the request timeout (60 s) for each left publishes taking 97 s
 * (median) at 40% faults, some failing (issue #34). The wait starts once the body is sent, so the
 * upload's own time never counts, and a registry that is slow on purpose (verifying a large blob)
 * gets 2, 2, 4, 8, 16, 32 s on successive tries: a few seconds and sends lost, never the publish. The
 * body keeps the request timeout, and this wait is never longer than it.
 */
const ANSWER_MS = 2_000;
/** Answers read whole (JSON, manifests, token answers) are small: a larger one is refused, not buffered. */
const DEFAULT_MAX_BODY = 16 * 1024 * 1024;
/** A body over its limit: the request is cut off there, and nothing more is read. */
class BodyTooLarge extends Error {
    limit;
    constructor(limit) {
        super(`the answer is larger than ${limit} bytes`);
        this.limit = limit;
        this.name = 'BodyTooLarge';
    }
}
/**
 * A response body read into one buffer, never more than `limit` bytes: past it the stream is
 * destroyed and, unless `truncate` (an error page, of which the start is enough), BodyTooLarge thrown.
 * `expected`: the exact size when it is known (a blob), allocated once.
 */
async function readBounded(body, limit, options = {}) {
    const out = options.expected !== undefined ? Buffer.allocUnsafe(Math.min(options.expected, limit)) : undefined;
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        if (size + chunk.length > limit) {
            body.destroy();
            if (options.truncate) {
                chunks.push(Buffer.from(chunk.subarray(0, limit - size)));
                size = limit;
                break;
            }
            throw new BodyTooLarge(limit);
        }
        options.onChunk?.(chunk);
        if (out)
            out.set(chunk, size);
        else
            chunks.push(Buffer.from(chunk));
        size += chunk.length;
    }
    return out ? out.subarray(0, size) : Buffer.concat(chunks, size);
}
/** One place for HTTP: keep-alive, no automatic redirects, bodies read in full and bounded, one deadline per exchange. */
class Http {
    #transport;
    /** Aborted by `close`: every request still under way ends at once, quietly (HttpClosed is never retried). */
    #closing = new AbortController();
    userAgent;
    #timeoutMs;
    /**
     * `ca`: extra PEM roots trusted besides the system's; `insecure`: no certificate check at all.
     * HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured (proxy-transport.ts, loaded only then).
     */
    constructor(options = {}) {
        this.#transport = transportFor({ ca: options.ca, insecure: options.insecure });
        this.userAgent = options.userAgent ?? oci_transport/* USER_AGENT */._O;
        this.#timeoutMs = options.timeoutMs ?? 60_000;
    }
    /** A request and its whole answer, bounded in size (`maxBody`) and, with its body, in time. */
    async send(req) {
        const res = await this.open(req);
        return { ...res, body: await readBounded(res.body, req.maxBody ?? DEFAULT_MAX_BODY) };
    }
    /** Like `send`, but the body is a stream the caller must read or dump. */
    async open(req) {
        if (this.#closing.signal.aborted)
            throw new HttpClosed();
        const transport = await this.#transport;
        // One deadline for the whole exchange, body included: a body dripping a byte at a time ends too.
        // It is the request's timeout, or less when the operation's deadline (retries included) comes first.
        const ms = (0,deadline/* requestTimeout */.Vq)(this.#timeoutMs);
        if (ms <= 0)
            throw new DOMException('the operation passed its deadline', 'TimeoutError');
        const answerMs = Math.min(ms, (0,deadline/* answerTimeout */.Em)(Math.min(ANSWER_MS, this.#timeoutMs), req.method));
        try {
            const signal = AbortSignal.any([AbortSignal.timeout(ms), this.#closing.signal]);
            return await transport.open(req, { 'user-agent': this.userAgent, ...req.headers }, signal, answerMs);
        }
        catch (err) {
            if (err.code === oci_transport/* HEADERS_TIMEOUT */.nB)
                (0,deadline/* noteLateAnswer */.r4)(req.method);
            throw err;
        }
    }
    /**
     * Ends every connection. A request still under way (a login started early, for a run that failed
     * before it needed the registry) ends at once with HttpClosed: not retried, not reported.
     */
    async close() {
        this.#closing.abort(new HttpClosed());
        await (await this.#transport).close();
    }
}
/** A request of a client that was closed: the run is over, nothing is retried or said about it. */
class HttpClosed extends Error {
    constructor() {
        super('the run closed its connections');
        this.name = 'HttpClosed';
    }
}
/** Node's own client, or, when a proxy is configured, undici's proxy agent (its own chunk, loaded only then). */
function transportFor(trust) {
    if (oci_transport/* PROXY_VARIABLES */.bD.some((v) => process.env[v]))
        return Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(813)]).then(__webpack_require__.bind(__webpack_require__, 7813)).then((m) => new m.ProxyTransport(trust));
    return new NodeTransport(trust);
}


/***/ }),

/***/ 25823:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PE: () => (/* binding */ Layout),
/* harmony export */   T2: () => (/* binding */ defaultCachePath),
/* harmony export */   og: () => (/* binding */ onCacheWarning)
/* harmony export */ });
/* unused harmony export MAX_INDEX_ENTRIES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/* harmony import */ var _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(34282);
/* harmony import */ var _util_bytes_order_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(48146);
/* harmony import */ var _util_file_lock_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(98806);
/* harmony import */ var _util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(38562);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(68825);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(29217);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(9458);













/**
 * Helm's registry cache path: $HELM_CACHE_HOME/registry/cache, else $XDG_CACHE_HOME/helm/\u2026, else the
 * platform's cache folder (~/.cache on Linux, ~/Library/Caches on macOS, %TEMP% on Windows).
 */
function defaultCachePath(env = process.env, platform = process.platform) {
    if (env.HELM_CACHE_HOME)
        return node_path__WEBPACK_IMPORTED_MODULE_4___default().join(env.HELM_CACHE_HOME, 'registry', 'cache');
    let base;
    if (env.XDG_CACHE_HOME)
        base = env.XDG_CACHE_HOME;
    else if (platform === 'darwin')
        base = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(node_os__WEBPACK_IMPORTED_MODULE_3___default().homedir(), 'Library', 'Caches');
    else if (platform === 'win32')
        base = env.TEMP ?? node_os__WEBPACK_IMPORTED_MODULE_3___default().tmpdir();
    else
        base = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(node_os__WEBPACK_IMPORTED_MODULE_3___default().homedir(), '.cache');
    return node_path__WEBPACK_IMPORTED_MODULE_4___default().join(base, 'helm', 'registry', 'cache');
}
let cacheWarning = () => { };
/**
 * The most charts (entries) a cache lists: more than any runner's cache holds (an entry is a name and
 * tag: a save of a new version adds one, of the same version replaces it; 400 charts that each
 * release every week add some 21,000 a year), and few enough that the index stays a small cost to
 * read on every save: an entry as written here is about 300 bytes and 11 JSON values, so 100,000 of
 * them are some 30 MB, read and parsed in well under a second.
 */
const MAX_INDEX_ENTRIES = 100_000;
/**
 * An index.json is read within these: twice the bytes of the largest index (a file larger is not
 * one), and 16 values an entry (room for a few more annotations than the one written here). The
 * values are what costs: JSON.parse holds some 100 bytes for each `{}`, and a 64 MiB file of them
 * (22 million) took 2.3 GB to list and 2.9 GB to save over; at 1.6 million values the most any file
 * within these can cost is some 200 MB.
 */
const INDEX_JSON = { maxBytes: 64 * 1024 * 1024, maxNodes: MAX_INDEX_ENTRIES * 16, maxDepth: 32 };
/** A manifest as the registry client bounds one (4 MiB, a few dozen values: artifact/parse.ts's MANIFEST_JSON). */
const MANIFEST_BOUNDS = { maxBytes: 4 * 1024 * 1024, maxNodes: 10_000, maxDepth: 32 };
/** Where the cache's warnings go (a damaged index.json set aside): each face's own sink. */
function onCacheWarning(warn) {
    cacheWarning = warn;
}
/** Per cache folder: the batch still taking saves, and the write of the last batch (after which the next starts). */
const batches = new Map();
/**
 * The runner-local cache: an OCI image layout (oci-layout, index.json, blobs/sha256/\u2026) in which
 * index.json names each manifest by its full reference, as Helm 3.0\u20133.6 kept it. Blobs are staged
 * under ingest/ and renamed into place; index.json is replaced atomically under a lock, so
 * concurrent writers never lose an entry or leave half a file.
 *
 * The files are written off the main thread, a batch of saves at a time (see `save`). They are not
 * fsync'ed: this is a cache, rebuilt by a save or a pull, and a rename over the old file is atomic for
 * every reader.
 */
class Layout {
    root;
    constructor(root) {
        this.root = node_path__WEBPACK_IMPORTED_MODULE_4___default().resolve(root);
    }
    /**
     * The one mapping of a digest to a file: `blobs/sha256/<hex>`, for a digest that parses strictly
     * (anything else is refused before it names a path), and checked to stay in that folder.
     */
    blobPath(digest) {
        const [alg, hex] = (0,_digest_js__WEBPACK_IMPORTED_MODULE_9__/* .parseDigest */ .m)(digest, 'the blob digest', this.root).split(':');
        const store = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(this.root, 'blobs', alg);
        const file = node_path__WEBPACK_IMPORTED_MODULE_4___default().resolve(store, hex);
        if (node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(file) !== store)
            throw new Error(`blob path ${file} is outside ${store}`);
        return file;
    }
    get #indexFile() {
        return node_path__WEBPACK_IMPORTED_MODULE_4___default().join(this.root, 'index.json');
    }
    /**
     * Makes the layout's folders, and checks them before any write: every file a save or a remove
     * writes, renames or deletes is in blobs/sha256/, ingest/ or the cache folder itself.
     */
    async init() {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(this.root, { recursive: true });
        }
        catch (err) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .fsCode */ .r0)(err) === 'EEXIST' || (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .fsCode */ .r0)(err) === 'ENOTDIR' ? this.#notAFolder(err) : err;
        }
        const root = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(this.root);
        for (const folder of [['blobs'], ['blobs', 'sha256'], ['ingest']])
            this.#folderInside(root, node_path__WEBPACK_IMPORTED_MODULE_4___default().join(this.root, ...folder));
        // The layout's marker, which Chartlift never reads but other tools that read the cache do (skopeo,
        // oras): written when missing, and over a FIFO or a device link there (which would hang them).
        const marker = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(this.root, 'oci-layout');
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(marker, { throwIfNoEntry: false });
        if (!st || !(st.isFile() || st.isDirectory()))
            await this.#writeFile(marker, '{"imageLayoutVersion":"1.0.0"}');
    }
    /**
     * What a path into the cache met that is not a folder (ENOTDIR): the cache folder itself (a file, a
     * FIFO, /dev/zero given as the cache), blobs or blobs/sha256, named; else the error as it was.
     */
    #notAFolder(cause) {
        for (const folder of [this.root, node_path__WEBPACK_IMPORTED_MODULE_4___default().join(this.root, 'blobs'), node_path__WEBPACK_IMPORTED_MODULE_4___default().join(this.root, 'blobs', 'sha256')]) {
            // A folder above the cache that is a file (ENOTDIR here too) is left to the error as it was.
            const st = statIfAny(folder);
            if (!st || st.isDirectory())
                continue;
            return folder === this.root
                ? new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`the cache is ${(0,_util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_8__/* .kindOf */ .I)(st)}, not a folder`, { where: folder, code: 'cache-unwritable', cause })
                : new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`it is ${(0,_util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_8__/* .kindOf */ .I)(st)}, not a folder (the cache is damaged)`, {
                    where: folder,
                    hint: 'Remove it; the next save makes the folder',
                    cause,
                });
        }
        return cause;
    }
    /**
     * A folder of the layout, made when missing. One that is a link leading outside the cache folder is
     * refused: a save would write its blobs, and a remove delete files, wherever it leads (another
     * job's folder, a home directory). The cache folder itself may be a link (to a larger disk, say):
     * what is checked is where each folder is found from the cache folder's own real path. A link
     * inside the cache is harmless and kept. (A folder swapped for a link between this check and the
     * write is not caught: Node has no openat/renameat to write relative to a checked folder.)
     */
    #folderInside(root, folder) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(folder);
        }
        catch (err) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .fsCode */ .r0)(err) !== 'EEXIST')
                throw err;
        }
        let real;
        try {
            real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(folder);
        }
        catch (err) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .fsCode */ .r0)(err) !== 'ENOENT' && (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .fsCode */ .r0)(err) !== 'ELOOP')
                throw err;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo('it is a link that leads nowhere (to nothing, or back to itself)', {
                where: folder,
                hint: 'Remove the link; the next save makes the folder',
                cause: err,
            });
        }
        if (!real.startsWith(root + (node_path__WEBPACK_IMPORTED_MODULE_4___default().sep)))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`it leads outside the cache (to ${real}): the cache writes and deletes only inside its own folder`, {
                where: folder,
                hint: 'Replace the link with a folder; to keep the cache elsewhere, make the cache folder itself the link',
            });
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(real);
        if (!st.isDirectory())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`it is ${(0,_util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_8__/* .kindOf */ .I)(st)}, not a folder`, { where: folder, hint: 'Remove it; the next save makes the folder' });
    }
    get ingest() {
        return node_path__WEBPACK_IMPORTED_MODULE_4___default().join(this.root, 'ingest');
    }
    async hasBlob(d) {
        return this.#hasBlob(d);
    }
    /** A regular file of the blob's size is there (a FIFO, a device or a folder is not a blob, whatever stat says of its size). */
    #hasBlob(d) {
        let st;
        try {
            st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(this.blobPath(d.digest), { throwIfNoEntry: false });
        }
        catch (err) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .fsCode */ .r0)(err) === 'ENOTDIR' ? this.#notAFolder(err) : err;
        }
        return st?.isFile() === true && st.size === d.size;
    }
    /**
     * Stores bytes under their digest: a no-op when the very bytes are there; anything else there (a
     * damaged copy, a FIFO, a link) is replaced by the rename, which never writes through a link or
     * into another name's file (a hard link). A folder there is named: a rename cannot replace it, and
     * it may hold anything.
     */
    async #putBlob(digest, data) {
        const file = this.blobPath(digest);
        try {
            if ((await (0,_util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_8__/* .readRegularFile */ .XF)(file, data.length)).equals(data))
                return;
        }
        catch (err) {
            if (!(err instanceof _util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_8__/* .NotRegularFile */ .k1 || err instanceof _util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_8__/* .FileTooLarge */ .Sv) && (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .fsCode */ .r0)(err) !== 'ENOENT' && (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .fsCode */ .r0)(err) !== 'ELOOP')
                throw err;
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(file, { throwIfNoEntry: false })?.isDirectory())
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`the cache's blob ${digest} is a folder, not a file (the cache is damaged)`, {
                    where: file,
                    hint: 'Remove that folder, then save or pull the chart again',
                });
        }
        await this.#writeFile(file, data);
    }
    /**
     * Writes a file whole or not at all: staged under ingest/, then renamed into place. Off this thread:
     * a save's files are created while the publish goes on (creating a file waits for the file
     * system's journal, which a busy disk holds for milliseconds).
     */
    async #writeFile(target, data) {
        const temp = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(this.ingest, `${node_path__WEBPACK_IMPORTED_MODULE_4___default().basename(target)}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(4).toString('hex')}`);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temp, data, { flag: 'wx' });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, target);
        }
        catch (err) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true });
            throw err;
        }
    }
    /**
     * A blob's bytes, checked against its digest; one that is gone (deleted by hand, a cleaner) is named
     * as missing. Only a regular file of at most `maxBytes` is read (the caller's bound for what the blob
     * is: a manifest, a config, a chart): a FIFO, a device (a link to /dev/zero), a folder or a larger
     * file is damaged, named with its path, never read.
     */
    async readBlob(digest, maxBytes = _registry_js__WEBPACK_IMPORTED_MODULE_11__/* .MAX_BLOB_BYTES */ .TP) {
        const file = this.blobPath(digest);
        const damaged = (what, err) => new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`the cache's blob ${digest} ${what} (the cache is damaged)`, {
            where: file,
            hint: 'Remove it, then pull or save the chart again',
            cause: err,
        });
        let data;
        try {
            data = await (0,_util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_8__/* .readRegularFile */ .XF)(file, maxBytes);
        }
        catch (err) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .fsCode */ .r0)(err) === 'ENOENT')
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`the cache's blob ${digest} is missing (the cache is damaged)`, {
                    where: this.root,
                    hint: 'Pull or save the chart again',
                    cause: err,
                });
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .fsCode */ .r0)(err) === 'ENOTDIR')
                throw this.#notAFolder(err);
            if (err instanceof _util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_8__/* .NotRegularFile */ .k1)
                throw damaged(`is ${err.kind}, not a file`, err);
            if (err instanceof _util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_8__/* .FileTooLarge */ .Sv)
                throw damaged(`is ${err.size} bytes, more than the ${err.maxBytes} such a blob may be`, err);
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .fsCode */ .r0)(err) === 'ELOOP')
                throw damaged('is a link that leads back to itself', err);
            throw err;
        }
        if ((0,_digest_js__WEBPACK_IMPORTED_MODULE_9__/* .sha256 */ .sc)(data) !== digest)
            throw damaged('is corrupt (its content has another digest)');
        return data;
    }
    /**
     * The index, read without the lock; one found damaged is read again under it, and set aside only
     * then: a writer holding the lock may be setting it aside and writing the new one right now, and a
     * reader that moved index.json then would move the writer's new index (and the charts just saved).
     */
    async readIndex() {
        const index = this.#parseIndex();
        if (typeof index !== 'string')
            return index;
        return this.#locked(async () => this.#readIndex());
    }
    /** The index, a damaged one set aside: for those holding the lock. */
    #readIndex() {
        const index = this.#parseIndex();
        return typeof index === 'string' ? this.#setAside(index) : index;
    }
    /** The index, or why it is damaged. */
    #parseIndex() {
        const empty = { schemaVersion: 2, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_10__/* .OciMediaType */ .OH.index, manifests: [] };
        // Only a regular file is read, and only up to its bound: a folder, a FIFO (opened without waiting,
        // never read), a device (a link to /dev/zero) or a file too large to be an index is damaged.
        let text;
        try {
            text = (0,_util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_8__/* .readRegularFileSync */ .cG)(this.#indexFile, INDEX_JSON.maxBytes).toString('utf8');
        }
        catch (err) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .fsCode */ .r0)(err) === 'ENOENT')
                return empty;
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .fsCode */ .r0)(err) === 'ENOTDIR')
                throw this.#notAFolder(err);
            if (err instanceof _util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_8__/* .NotRegularFile */ .k1 || err instanceof _util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_8__/* .FileTooLarge */ .Sv)
                return err.message;
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .fsCode */ .r0)(err) === 'ELOOP')
                return 'it is a link that leads back to itself';
            throw err;
        }
        let parsed;
        try {
            parsed = (0,_util_bounded_read_js__WEBPACK_IMPORTED_MODULE_6__/* .readJson */ .Vh)(text, INDEX_JSON);
        }
        catch (err) {
            // Counted before anything is built: an index of millions of `{}` costs its scan, not gigabytes.
            if (err instanceof _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_6__/* .BoundsError */ .UI)
                return `it ${err.message}, more than an index of ${MAX_INDEX_ENTRIES} charts (the most a cache holds) does`;
            return `it is not JSON: ${err.message}`;
        }
        // `manifests` may be null (Go writes an empty list so), never absent: an array, or an object
        // without it, is another file, kept rather than overwritten by the next save.
        const manifests = parsed?.manifests ?? [];
        if (typeof parsed !== 'object' ||
            parsed === null ||
            Array.isArray(parsed) ||
            !('manifests' in parsed) ||
            !Array.isArray(manifests) ||
            manifests.some((m) => typeof m !== 'object' || m === null))
            return 'it is not an image index (no list of manifests)';
        if (manifests.length > MAX_INDEX_ENTRIES)
            return `it lists ${manifests.length} charts, more than the ${MAX_INDEX_ENTRIES} a cache holds`;
        return { ...empty, manifests };
    }
    /**
     * An index.json that cannot be read is moved aside (kept, beside it, for whoever wants what it
     * named) and the cache starts a new one: a damaged file would otherwise fail every save and every
     * publish of a runner whose cache persists. The charts it named are said to be gone, never dropped
     * silently; their blobs stay until a `remove`.
     */
    #setAside(why) {
        const aside = `${this.#indexFile}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(2).toString('hex')}`;
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(this.#indexFile, aside);
            cacheWarning(`The cache index ${this.#indexFile} could not be read (${why}): set aside as ${node_path__WEBPACK_IMPORTED_MODULE_4___default().basename(aside)}, and a new index started. The charts it listed are no longer in the cache: save or pull them again.`);
        }
        catch (err) {
            // Another process set it aside first: read what is there now.
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .fsCode */ .r0)(err) === 'ENOENT')
                return this.#readIndex();
            throw err;
        }
        return { schemaVersion: 2, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_10__/* .OciMediaType */ .OH.index, manifests: [] };
    }
    /**
     * Saves blobs and points `refName` at `manifest`, all under the index lock, so that a concurrent
     * `remove` never deletes a blob this save is about to reference. Saves to one cache that arrive
     * while another is being written are written together after it: one lock and one index.json for
     * the batch (a step publishing 400 charts rewrote index.json, and took the lock, 400 times).
     */
    async save(refName, manifest, blobs) {
        (0,_digest_js__WEBPACK_IMPORTED_MODULE_9__/* .parseDigest */ .m)(manifest.digest, 'the manifest digest', refName);
        await this.init();
        const state = batches.get(this.root) ?? { last: Promise.resolve() };
        batches.set(this.root, state);
        if (!state.open) {
            const batch = (state.open = []);
            // Written once the batch before it is; every save that comes meanwhile joins it.
            const written = state.last.then(() => {
                state.open = undefined;
                return this.#writeBatch(batch);
            });
            state.last = written;
            void written.then(() => state.last === written && batches.delete(this.root));
        }
        const batch = state.open;
        await new Promise((resolve, reject) => batch.push({ refName, manifest, blobs, resolve, reject }));
    }
    async #writeBatch(batch) {
        try {
            await this.#locked(async () => {
                const blobs = new Map();
                const entries = new Map();
                for (const { refName, manifest, blobs: own } of batch) {
                    for (const blob of own)
                        blobs.set((0,_digest_js__WEBPACK_IMPORTED_MODULE_9__/* .sha256 */ .sc)(blob), blob);
                    // A name saved twice in one batch: the later save holds it, as if written one after the other.
                    entries.set(refName, {
                        mediaType: manifest.mediaType,
                        digest: manifest.digest,
                        size: manifest.size,
                        annotations: { [_media_types_js__WEBPACK_IMPORTED_MODULE_10__/* .Annotation */ .YH.refName]: refName },
                    });
                }
                await Promise.all([...blobs].map(([digest, blob]) => this.#putBlob(digest, blob)));
                await this.#writeIndex((list) => [
                    ...list.filter((d) => !entries.has(d.annotations?.[_media_types_js__WEBPACK_IMPORTED_MODULE_10__/* .Annotation */ .YH.refName] ?? '')),
                    ...entries.values(),
                ]);
            });
            for (const save of batch)
                save.resolve();
        }
        catch (err) {
            for (const save of batch)
                save.reject(err);
        }
    }
    /**
     * Drops the entry named `refName` and deletes the blobs only it used: its manifest, config and
     * layers that no other manifest in the index references. Returns the removed descriptor.
     */
    async remove(refName) {
        await this.init();
        return this.#locked(async () => {
            const index = this.#readIndex();
            const removed = index.manifests.find((d) => d.annotations?.[_media_types_js__WEBPACK_IMPORTED_MODULE_10__/* .Annotation */ .YH.refName] === refName);
            if (!removed)
                return undefined;
            const rest = index.manifests.filter((d) => d !== removed);
            await this.#writeIndex(() => rest);
            const keep = new Set();
            // Each manifest read once, however many entries name it.
            for (const manifest of new Set(rest.map((d) => d.digest)))
                for (const digest of await this.#referenced(manifest))
                    keep.add(digest);
            for (const digest of await this.#referenced(removed.digest)) {
                if (!keep.has(digest))
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(this.blobPath(digest), { force: true });
            }
            return removed;
        });
    }
    /** The entry named `refName`, its digest checked (index.json may have been written by anything). */
    async resolve(refName) {
        const entry = (await this.readIndex()).manifests.find((d) => d.annotations?.[_media_types_js__WEBPACK_IMPORTED_MODULE_10__/* .Annotation */ .YH.refName] === refName);
        if (entry)
            (0,_digest_js__WEBPACK_IMPORTED_MODULE_9__/* .parseDigest */ .m)(entry.digest, `the digest of ${refName}`, this.#indexFile);
        return entry;
    }
    /**
     * A manifest's own digest and the digests it references: only those that are digests. What is
     * not names no blob of this store, so it is neither kept nor deleted (nor read, nor probed).
     */
    async #referenced(manifestDigest) {
        if (!(0,_digest_js__WEBPACK_IMPORTED_MODULE_9__/* .isDigest */ .Bc)(manifestDigest))
            return [];
        try {
            // Read as any cache file is: a regular file, within a manifest's bound.
            const m = (0,_util_bounded_read_js__WEBPACK_IMPORTED_MODULE_6__/* .readJson */ .Vh)((await (0,_util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_8__/* .readRegularFile */ .XF)(this.blobPath(manifestDigest), MANIFEST_BOUNDS.maxBytes)).toString('utf8'), MANIFEST_BOUNDS);
            const listed = [m.config?.digest, ...(Array.isArray(m.layers) ? m.layers.map((l) => l?.digest) : [])];
            return [manifestDigest, ...listed.filter(_digest_js__WEBPACK_IMPORTED_MODULE_9__/* .isDigest */ .Bc)];
        }
        catch {
            return [manifestDigest];
        }
    }
    async #locked(fn) {
        return (0,_util_file_lock_js__WEBPACK_IMPORTED_MODULE_7__/* .withFileLock */ .U)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(this.root, 'index.json.lock'), fn);
    }
    async #writeIndex(change) {
        const index = this.#readIndex();
        const manifests = change(index.manifests);
        // An index past the bound would be set aside, with every chart it lists, by the next reader.
        if (manifests.length > MAX_INDEX_ENTRIES)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`the cache would list ${manifests.length} charts, more than the ${MAX_INDEX_ENTRIES} a cache holds; the index was left as it was`, {
                where: this.root,
                hint: 'Remove the charts it no longer needs, or use a new cache folder',
            });
        manifests.sort((a, b) => (0,_util_bytes_order_js__WEBPACK_IMPORTED_MODULE_12__/* .compareBytes */ .X)(a.annotations?.[_media_types_js__WEBPACK_IMPORTED_MODULE_10__/* .Annotation */ .YH.refName] ?? '', b.annotations?.[_media_types_js__WEBPACK_IMPORTED_MODULE_10__/* .Annotation */ .YH.refName] ?? ''));
        const body = JSON.stringify({ schemaVersion: 2, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_10__/* .OciMediaType */ .OH.index, manifests }, null, 2) + '\n';
        await this.#writeFile(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(this.root, 'index.json'), body);
    }
}
/** What a path names, or undefined when nothing can be found there (missing, or under a file). */
function statIfAny(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file, { throwIfNoEntry: false });
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 9458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TP: () => (/* binding */ MAX_BLOB_BYTES),
  bP: () => (/* binding */ RegistryClient),
  L$: () => (/* binding */ SINGLE_POST_MAX),
  MF: () => (/* binding */ TooLarge)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/causes.ts
var causes = __webpack_require__(7554);
// EXTERNAL MODULE: ./src/oci/basic-auth.ts
var basic_auth = __webpack_require__(13634);
;// CONCATENATED MODULE: ./src/oci/challenge.ts
/**
 * Parses `WWW-Authenticate`: a case-insensitive scheme, then comma-separated `key=value` or
 * `key="quoted \"value\""` parameters. Returns the first challenge (registries send one).
 */
function parseChallenge(header) {
    if (!header)
        return undefined;
    const m = /^\s*([A-Za-z][A-Za-z0-9._~+/-]*)\s*(.*)$/s.exec(header);
    if (!m)
        return undefined;
    const params = {};
    const re = /\s*([A-Za-z0-9_.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*(?:,|$)/gy;
    const rest = m[2];
    let match;
    while (re.lastIndex < rest.length && (match = re.exec(rest)) !== null) {
        params[match[1].toLowerCase()] = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3];
    }
    return { scheme: m[1].toLowerCase(), params };
}

// EXTERNAL MODULE: ./src/oci/errors.ts + 1 modules
var oci_errors = __webpack_require__(82240);
// EXTERNAL MODULE: ./src/oci/token-realm.ts
var token_realm = __webpack_require__(48274);
;// CONCATENATED MODULE: ./src/oci/auth.ts





/**
 * Authorises requests to one registry. The first 401 tells the scheme: Basic (the credential on
 * every request from then on) or Bearer (a token from the realm per scope, cached until it expires,
 * renewed once when a request is refused with it). Once the realm is known, a scope's token is asked
 * for before its first request, not after a 401. Anonymous tokens when there is no credential.
 */
class Authenticator {
    #http;
    #registry;
    #credential;
    #challenge;
    #tokens = new Map();
    /** Token requests in flight, by scope: concurrent requests for one scope share one. */
    #fetching = new Map();
    /** Token requests made (for tests and the benchmark). */
    tokenRequests = 0;
    /** Told every secret this authenticator obtains (tokens), before anything can print it. */
    #onSecret;
    /** The registry's origin (scheme, host, port): the only place its credentials and tokens go. */
    #origin;
    constructor(http, registry, credential, onSecret = () => { }, origin = `https://${registry}`, tokenHosts = (0,token_realm/* tokenHostsFrom */.bz)(process.env[token_realm/* TOKEN_HOSTS_VARIABLE */.Rh])) {
        this.#http = http;
        this.#registry = registry;
        this.#credential = credential;
        this.#onSecret = onSecret;
        this.#origin = new URL(origin).origin;
        this.#tokenHosts = new Set(tokenHosts.map((h) => h.toLowerCase()));
    }
    /** Hosts (`host` or `host:port`) besides the registry's own that may serve its tokens. */
    #tokenHosts;
    get username() {
        return this.#credential?.username;
    }
    /** The `service` the registry's Bearer challenge named (which token service, so which registry, it is). */
    get service() {
        return this.#challenge?.params.service;
    }
    /** Sends `req` with authorisation for `scope`, handling one 401 by (re)authorising and repeating it. */
    async send(req, scope) {
        return this.#exchange(req, scope, (r) => this.#http.send(r), async () => { });
    }
    /** `send` with a streamed body (the caller reads it). */
    async open(req, scope) {
        return this.#exchange(req, scope, (r) => this.#http.open(r), (res) => res.body.dump());
    }
    async #exchange(req, scope, sendOnce, discard) {
        // The one place that decides where credentials go: the registry's own origin (same scheme, host
        // and port) only. Another origin (an upload Location, a redirect, a downgrade to plain HTTP) gets
        // none, and is not believed about authentication either.
        if (new URL(req.url).origin !== this.#origin)
            return sendOnce(req);
        const known = this.#challenge;
        if (known?.scheme === 'bearer' && scope && !this.#validToken(scope))
            await this.#fetchToken(scope);
        const first = await sendOnce(this.#authorise(req, scope, false));
        if (first.status !== 401)
            return first;
        const challenge = parseChallenge(first.headers['www-authenticate']);
        if (!challenge)
            return first;
        if (challenge.scheme !== 'bearer' && (challenge.scheme !== 'basic' || !this.#credential))
            return first;
        await discard(first);
        this.#challenge = challenge;
        if (challenge.scheme === 'bearer')
            await this.#fetchToken(scope ?? challenge.params.scope, true);
        return sendOnce(this.#authorise(req, scope, true));
    }
    #authorise(req, scope, retry) {
        const headers = { ...req.headers };
        const c = this.#challenge;
        if (c?.scheme === 'basic' && this.#credential && 'password' in this.#credential) {
            headers.authorization = (0,basic_auth/* basicAuth */.t)(this.#credential.username, this.#credential.password);
        }
        else if (c?.scheme === 'bearer') {
            const token = this.#tokens.get(scope ?? c.params.scope ?? '');
            if (token && (retry || token.expiresAt > Date.now()))
                headers.authorization = `Bearer ${token.token}`;
        }
        return { ...req, headers };
    }
    #validToken(scope) {
        return (this.#tokens.get(scope)?.expiresAt ?? 0) > Date.now();
    }
    /** A token for `scope`; `renew`: even if one is cached (the registry refused it). Shared while in flight. */
    async #fetchToken(scope, renew = false) {
        const key = scope ?? this.#challenge.params.scope ?? '';
        const inFlight = this.#fetching.get(key);
        if (inFlight)
            return inFlight;
        if (!renew && this.#validToken(key))
            return;
        const fetching = this.#requestToken(scope).finally(() => this.#fetching.delete(key));
        this.#fetching.set(key, fetching);
        return fetching;
    }
    /**
     * Where a token may be asked for (with the credentials): the registry's own host, or a host the
     * user listed in CHARTLIFT_TOKEN_HOSTS; over HTTPS, or plain HTTP only for a registry that is
     * plain HTTP itself. Anything else is refused before a request goes there: a realm is the
     * registry's to name, and a hostile one would otherwise point the runner at any address.
     */
    #checkRealm(realm) {
        return (0,token_realm/* checkRealm */.mR)(this.#registry, this.#origin, realm, this.#tokenHosts);
    }
    async #requestToken(scope) {
        const c = this.#challenge;
        const realm = c.params.realm;
        if (!realm)
            throw new errors/* UserError */.yo(`${this.#registry} asked for a Bearer token but named no realm`, { hint: 'The registry is misconfigured' });
        const checked = this.#checkRealm(realm);
        const url = new URL(checked);
        if (c.params.service)
            url.searchParams.set('service', c.params.service);
        for (const s of (scope ?? '').split(' ').filter(Boolean))
            url.searchParams.append('scope', s);
        this.tokenRequests++;
        let res;
        const cred = this.#credential;
        if (cred && 'identityToken' in cred) {
            const form = new URLSearchParams({
                grant_type: 'refresh_token',
                refresh_token: cred.identityToken,
                service: c.params.service ?? '',
                client_id: 'chartlift',
            });
            if (scope)
                form.set('scope', scope);
            res = await this.#http.send({
                method: 'POST',
                url: checked.toString(),
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: form.toString(),
            });
        }
        else {
            const headers = {};
            if (cred)
                headers.authorization = (0,basic_auth/* basicAuth */.t)(cred.username, cred.password);
            res = await this.#http.send({ method: 'GET', url: url.toString(), headers, maxBody: 1024 * 1024 });
        }
        if (res.status !== 200)
            throw (0,oci_errors/* responseError */.U3)('get a token for', res, {
                registry: this.#registry,
                repository: scopeRepositories(scope)[0],
                username: this.username,
                service: c.params.service,
            });
        let body;
        try {
            body = JSON.parse(res.body.toString('utf8'));
        }
        catch {
            throw new errors/* UserError */.yo(`the token service of ${this.#registry} answered with something that is not JSON`, {
                hint: 'The registry is misconfigured',
            });
        }
        const token = [body.access_token, body.token].find((t) => typeof t === 'string' && t !== '');
        if (!token)
            throw new errors/* UserError */.yo(`the token service of ${this.#registry} returned no token`, { hint: 'The registry is misconfigured' });
        this.#onSecret(token);
        const seconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60;
        // Renew a little before expiry: 5 s, or a tenth of a short token's life.
        this.#tokens.set(scope ?? c.params.scope ?? '', { token, expiresAt: Date.now() + seconds * 1000 - Math.min(5000, seconds * 100) });
    }
}
/** The repositories a scope (`repository:name:pull,push repository:other:pull`) asks for, in order. */
function scopeRepositories(scope) {
    return (scope ?? '').split(' ').flatMap((s) => {
        const m = /^repository:(.+):[a-z*,]+$/.exec(s);
        return m ? [m[1]] : [];
    });
}

// EXTERNAL MODULE: ./src/oci/deadline.ts
var deadline = __webpack_require__(39301);
// EXTERNAL MODULE: ./src/oci/digest.ts
var oci_digest = __webpack_require__(68825);
// EXTERNAL MODULE: ./src/oci/http.ts + 1 modules
var http = __webpack_require__(25232);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(29217);
// EXTERNAL MODULE: ./src/util/bounded-read.ts
var bounded_read = __webpack_require__(34282);
// EXTERNAL MODULE: ./src/oci/retry.ts
var retry = __webpack_require__(49963);
;// CONCATENATED MODULE: ./src/oci/registry.ts











const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** A page of the tag list (n=1000 asked): 20,000 values is room to spare; 100,000 tags in all. */
const TAGS_PAGE = { maxBytes: 16 * 1024 * 1024, maxNodes: 20_000, maxDepth: 8 };
/** Blobs up to this size try the single-request upload. */
const SINGLE_POST_MAX = 256 * 1024;
const REDIRECTS = [301, 302, 303, 307, 308];
/** Of an error page, the start is enough to quote. */
const ERROR_BODY_MAX = 64 * 1024;
/** The largest blob a client downloads: a chart's archive (Helm allows 100 MiB unpacked), its config or provenance. */
const MAX_BLOB_BYTES = 128 * 1024 * 1024;
/**
 * A distribution-spec client for one registry: the requests Chartlift needs, and no others.
 * Idempotent requests are retried on transient failures; uploads restart (or resume from the
 * registry's Range) as a whole; everything ends within the retry policy's bounds.
 */
class RegistryClient {
    registry;
    #base;
    #auth;
    #plainHttp;
    #policy;
    #monolithicMax;
    #chunkSize;
    #log;
    /** The registry refused a blob's chunks as sent (ChunksRefused): this client's later blobs go up in one request. */
    #chunksRefused = false;
    constructor(http, registry, options = {}) {
        this.registry = registry;
        this.#plainHttp = options.plainHttp ?? false;
        this.#base = `${this.#plainHttp ? 'http' : 'https'}://${registry}`;
        this.#auth = new Authenticator(http, registry, options.credential, options.onSecret, this.#base, options.tokenHosts);
        this.#policy = options.policy ?? (0,retry/* retryPolicy */.Jb)();
        this.#monolithicMax = options.monolithicMax ?? 16 * 1024 * 1024;
        this.#chunkSize = options.chunkSize ?? 8 * 1024 * 1024;
        this.#log = options.log ?? (() => { });
    }
    get username() {
        return this.#auth.username;
    }
    /** How long one operation of this client may take, retries included (the run's timeout and retries): a deadline for a caller's own. */
    get operationBudgetMs() {
        return (0,retry/* retryBudget */.kZ)(this.#policy);
    }
    /** GET /v2/ with the credential: what `helm registry login` checks. */
    async ping() {
        const res = await this.#send({ method: 'GET', url: `${this.#base}/v2/` }, undefined);
        if (res.status !== 200)
            throw (0,oci_errors/* responseError */.U3)('log in to', res, { registry: this.registry, username: this.username });
    }
    /** The digest the tag points at, or undefined when there is no such tag. */
    async resolveTag(repository, tag, push) {
        const url = `${this.#base}/v2/${repository}/manifests/${tag}`;
        const res = await this.#send({ method: 'HEAD', url, headers: { accept: media_types/* MANIFEST_ACCEPT */.dY } }, scope(repository, push));
        if (res.status === 404)
            return undefined;
        if (res.status !== 200) {
            // A HEAD answer has no body: the words of a refusal (Harbor's "project not found", \u2026) come with a
            // GET. Not for a registry that failed (5xx, 429): asking again says nothing new.
            if ((0,retry/* isRetryableStatus */.PS)(res.status))
                throw (0,oci_errors/* responseError */.U3)('look up', res, this.#target(repository, tag));
            const words = await this.#send({ method: 'GET', url, headers: { accept: media_types/* MANIFEST_ACCEPT */.dY }, maxBody: ERROR_BODY_MAX }, scope(repository, push));
            throw (0,oci_errors/* responseError */.U3)('look up', words.status === res.status ? words : res, this.#target(repository, tag));
        }
        const digest = res.headers['docker-content-digest'];
        if (digest)
            return (0,oci_digest/* parseDigest */.m)(digest, 'the Docker-Content-Digest', `${this.registry}/${repository}:${tag}`);
        const full = await this.#send({ method: 'GET', url, headers: { accept: media_types/* MANIFEST_ACCEPT */.dY }, maxBody: MAX_MANIFEST_BYTES }, scope(repository, push));
        if (full.status !== 200)
            throw (0,oci_errors/* responseError */.U3)('read', full, this.#target(repository));
        return (0,oci_digest/* sha256 */.sc)(full.body);
    }
    /** Every tag of a repository (following the Link header's pages). */
    async listTags(repository) {
        const tags = [];
        let url = `${this.#base}/v2/${repository}/tags/list?n=1000`;
        for (let page = 0; url && page < 50; page++) {
            const res = await this.#send({ method: 'GET', url, maxBody: 16 * 1024 * 1024 }, scope(repository, false));
            if (res.status === 404)
                return tags;
            if (res.status !== 200)
                throw (0,oci_errors/* responseError */.U3)('list the tags of', res, this.#target(repository));
            addTags(tags, res.body, `${this.registry}/${repository}`);
            const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.link ?? '')?.[1];
            url = next ? new URL(next, url).toString() : undefined;
        }
        return tags;
    }
    /**
     * Cross-repository mount: asks the registry to link a blob it already holds in `from` into
     * `repository`. Returns false when the registry answers with an upload session instead (then upload).
     */
    async mountBlob(repository, d, from) {
        const url = `${this.#base}/v2/${repository}/blobs/uploads/?mount=${encodeURIComponent(d.digest)}&from=${encodeURIComponent(from)}`;
        const res = await this.#send({ method: 'POST', url, headers: { 'content-length': '0' } }, `${scope(repository, true)} ${scope(from, false)}`);
        if (res.status === 201)
            return true;
        if (res.status === 202)
            return false;
        throw (0,oci_errors/* responseError */.U3)('mount a blob into', res, this.#target(repository));
    }
    async hasBlob(repository, d) {
        const url = `${this.#base}/v2/${repository}/blobs/${(0,oci_digest/* parseDigest */.m)(d.digest, 'the blob digest', this.registry)}`;
        const res = await this.#send({ method: 'HEAD', url }, scope(repository, true));
        if (res.status === 404)
            return false;
        if (res.status === 200)
            return true;
        throw (0,oci_errors/* responseError */.U3)('check a blob in', res, this.#target(repository));
    }
    /**
     * Uploads a blob: in one PUT when small, in chunks when large. A transient failure restarts the
     * upload (unless the blob arrived after all); a chunked upload first tries to resume.
     * `onFinalRequest` is called once the request that completes the blob has gone out, body and all
     * (the PUT that closes a session; a single-request POST cannot be known as final before its answer,
     * so after it: most registries answer it with a session, and the PUT that follows is the final one).
     */
    async uploadBlob(repository, d, data, onFinalRequest) {
        const chunked = data.length > this.#monolithicMax && !this.#chunksRefused;
        // One deadline for the whole upload, its restarts and each request's own retries; a chunked
        // upload has the budget of one request per chunk.
        const chunks = chunked ? Math.ceil(data.length / this.#chunkSize) : 1;
        // What the caller starts when the final request goes (asking for the tag again) is its own operation.
        const final = onFinalRequest && (() => (0,deadline/* outsideDeadline */.Ss)(onFinalRequest));
        await (0,retry/* retrying */.R$)(this.#policy, async (n) => {
            if (n > 0 && (await this.hasBlob(repository, d)))
                return;
            if (!chunked || this.#chunksRefused)
                return this.#uploadMonolithic(repository, d, data, final);
            try {
                await this.#uploadChunked(repository, d, data, final);
            }
            catch (err) {
                if (!(err instanceof ChunksRefused))
                    throw err;
                this.#chunksRefused = true;
                this.#log(`${this.registry} does not take uploads in chunks of this size (${err.message}): uploading ${d.digest.slice(0, 19)}\u2026 in one request`);
                await this.#uploadMonolithic(repository, d, data, final);
            }
        }, {
            budgetMs: chunks * (0,retry/* retryBudget */.kZ)(this.#policy),
            error: transientReason,
            onRetry: (reason, wait) => this.#log(`restarting the upload of ${d.digest.slice(0, 19)}\u2026 ${when(wait)} (${reason})`),
        });
    }
    async #startUpload(repository) {
        const start = await this.#send({ method: 'POST', url: `${this.#base}/v2/${repository}/blobs/uploads/`, headers: { 'content-length': '0' } }, scope(repository, true));
        if (start.status !== 202)
            throw (0,oci_errors/* responseError */.U3)('start an upload to', start, this.#target(repository));
        const location = start.headers.location;
        if (!location)
            throw new errors/* UserError */.yo(`${this.registry} started an upload but sent no Location`, {
                hint: 'The registry does not follow the distribution spec',
            });
        return { url: new URL(location, start.url), minChunk: Number(start.headers['oci-chunk-min-length']) || 0 };
    }
    async #finishUpload(repository, location, d, body, onFinalRequest) {
        const url = new URL(location);
        url.searchParams.set('digest', d.digest);
        const headers = { 'content-type': 'application/octet-stream', 'content-length': String(body?.length ?? 0) };
        // Sent again to the same session on a transient failure (a 5xx, a 429, a dropped connection): most
        // leave the session as it was, and a whole new upload (HEAD, POST, PUT) would meet the fault again
        // three times over. A lost answer may have consumed the session: the registry then no longer knows
        // it (404), and the whole upload restarts, finding the blob there if it arrived.
        await (0,retry/* retrying */.R$)(this.#policy, async () => {
            const put = await this.#send({ method: 'PUT', url: url.toString(), headers, body, onSent: onFinalRequest }, scope(repository, true), false);
            if (put.status === 201 || put.status === 204)
                return;
            if (put.status === 404)
                throw new UploadLost(`${this.registry} no longer knows the upload session`, { transient: true });
            throw (0,oci_errors/* responseError */.U3)('upload a blob to', put, this.#target(repository));
        }, {
            error: (err) => (err instanceof UploadLost ? undefined : transientReason(err)),
            onRetry: (reason, wait) => this.#log(`sending the end of the upload of ${d.digest.slice(0, 19)}\u2026 again ${when(wait)} (${reason})`),
        });
    }
    /**
     * A small blob goes up in the POST itself (`?digest=`, the spec's single-request upload: one
     * request where the registry supports it); a registry that does not answers 202 with a session,
     * and the blob follows in a PUT, as in the two-step upload.
     */
    async #uploadMonolithic(repository, d, data, onFinalRequest) {
        if (data.length <= SINGLE_POST_MAX) {
            const url = `${this.#base}/v2/${repository}/blobs/uploads/?digest=${encodeURIComponent(d.digest)}`;
            const headers = { 'content-type': 'application/octet-stream', 'content-length': String(data.length) };
            // Tried again as it is on a transient failure: a blob named by its digest is the same blob however
            // often it arrives, and a session the registry opened for a lost answer is left to expire.
            const res = await this.#send({ method: 'POST', url, headers, body: data }, scope(repository, true));
            if (res.status === 201)
                return onFinalRequest?.();
            if (res.status !== 202 || !res.headers.location)
                throw (0,oci_errors/* responseError */.U3)('start an upload to', res, this.#target(repository));
            await this.#finishUpload(repository, new URL(res.headers.location, res.url), d, data, onFinalRequest);
            return;
        }
        const { url } = await this.#startUpload(repository);
        await this.#finishUpload(repository, url, d, data, onFinalRequest);
    }
    /** PATCH chunks with Content-Range; after a failure, ask the registry how far it got and go on from there. */
    async #uploadChunked(repository, d, data, onFinalRequest) {
        const started = await this.#startUpload(repository);
        let location = started.url;
        const chunk = Math.max(this.#chunkSize, started.minChunk);
        let offset = 0;
        while (offset < data.length) {
            // A chunk that fails is resumed from where the registry says it got (its Range), within the policy.
            await (0,retry/* retrying */.R$)(this.#policy, async (n) => {
                if (n > 0) {
                    const status = await this.#send({ method: 'GET', url: location.toString() }, scope(repository, true));
                    const reached = status.status === 204 ? rangeEnd(status.headers.range) : undefined;
                    if (reached === undefined)
                        throw new UploadLost(`${this.registry} lost the upload session`, { transient: true });
                    if (status.headers.location)
                        location = new URL(status.headers.location, location);
                    this.#log(`resuming the upload of ${d.digest.slice(0, 19)}\u2026 at byte ${reached} of ${data.length}`);
                    offset = reached;
                    if (offset >= data.length)
                        return;
                }
                const end = Math.min(offset + chunk, data.length);
                const body = data.subarray(offset, end);
                const res = await this.#send({
                    method: 'PATCH',
                    url: location.toString(),
                    headers: {
                        'content-type': 'application/octet-stream',
                        'content-range': `${offset}-${end - 1}`,
                        'content-length': String(body.length),
                    },
                    body,
                }, scope(repository, true), false);
                // Refused as sent, not failed: GHCR caps a chunk at 4 MiB (416 "the request body is too large and
                // exceeds the maximum permissible limit of 4.00MiB": ocx-sh/ocx#237, oras-project/rust-oci-client#37);
                // ECR answers a chunk 201 and drops the bodies of later ones (aws/containers-roadmap#2831).
                if (res.status === 413 || res.status === 416 || (res.status >= 200 && res.status < 300 && res.status !== 202))
                    throw new ChunksRefused(`HTTP ${res.status} to a chunk of ${body.length} bytes`);
                if (res.status !== 202)
                    throw (0,oci_errors/* responseError */.U3)('upload a chunk to', res, this.#target(repository));
                if (res.headers.location)
                    location = new URL(res.headers.location, location);
                offset = rangeEnd(res.headers.range) ?? end;
            }, 
            // A session the registry lost cannot be resumed: the whole upload restarts (uploadBlob's loop).
            { error: (err) => (err instanceof UploadLost ? undefined : transientReason(err)) });
        }
        await this.#finishUpload(repository, location, d, undefined, onFinalRequest);
    }
    /** A manifest by tag or digest, bounded in size and checked against the digest it claims. */
    async fetchManifest(repository, reference) {
        const got = await this.#readManifest(repository, reference, media_types/* MANIFEST_ACCEPT */.dY, MAX_MANIFEST_BYTES, 'pull');
        if (!got)
            throw new errors/* UserError */.yo(`${this.registry}/${repository}:${reference} not found`, {
                hint: 'Check the reference: the repository or the tag does not exist',
            });
        return { body: got.body, digest: got.digest };
    }
    /**
     * A manifest or index by tag or digest when there is one (undefined for a 404), read whole within
     * `maxBytes` and checked against its digest; with what a conditional write of the same reference
     * needs: the ETag, else the digest quoted.
     */
    async fetchManifestIfAny(repository, reference, accept, maxBytes = MAX_MANIFEST_BYTES) {
        const got = await this.#readManifest(repository, reference, accept, maxBytes, 'read').catch((err) => tooLarge(err, `the manifest ${this.registry}/${repository}:${reference}`, maxBytes));
        return got && { ...got, etag: got.headers.etag || `"${got.digest}"`, contentType: got.headers['content-type'] };
    }
    /**
     * GET a manifest (undefined for a 404), checked against the digest it claims: the one asked for,
     * else the one the registry reports. The one reader of manifests.
     */
    async #readManifest(repository, reference, accept, maxBytes, verb) {
        const where = `${this.registry}/${repository}:${reference}`;
        const byDigest = reference.includes(':');
        if (byDigest)
            (0,oci_digest/* parseDigest */.m)(reference, 'the manifest digest', `${this.registry}/${repository}`);
        const res = await this.#send({ method: 'GET', url: `${this.#base}/v2/${repository}/manifests/${reference}`, headers: { accept }, maxBody: maxBytes }, scope(repository, false));
        if (res.status === 404)
            return undefined;
        if (res.status !== 200)
            throw (0,oci_errors/* responseError */.U3)(verb, res, this.#target(repository, reference));
        const digest = (0,oci_digest/* sha256 */.sc)(res.body);
        const header = res.headers['docker-content-digest'];
        const claimed = byDigest ? reference : header && (0,oci_digest/* parseDigest */.m)(header, 'the Docker-Content-Digest', where);
        if (claimed && claimed !== digest)
            throw new errors/* UserError */.yo(`the manifest of ${where} does not match its digest (expected ${claimed}, got ${digest})`, {
                hint: 'The registry or something between is corrupting data: nothing was written to the cache',
            });
        return { body: res.body, digest, headers: res.headers };
    }
    /**
     * PUT a manifest by tag or digest and report what the registry said: the digest it computed
     * (checked against the bytes sent) and its `OCI-Subject` header (it indexed the manifest's subject
     * for its referrers API). `condition`: `If-Match` / `If-None-Match`; a registry that honours them
     * answers 412 when the reference changed meanwhile, returned as `{ conflict: true }`.
     */
    async pushManifest(repository, reference, manifest, mediaType, condition = {}, 
    /**
     * Run before the PUT is sent again after a transient failure (which may have landed, or let
     * another writer in meanwhile); it may throw to send nothing more.
     */
    beforeRetry) {
        const where = `${this.registry}/${repository}:${reference}`;
        if (reference.includes(':'))
            (0,oci_digest/* parseDigest */.m)(reference, 'the manifest digest', where);
        const headers = { 'content-type': mediaType, 'content-length': String(manifest.length) };
        if (condition.ifMatch)
            headers['if-match'] = condition.ifMatch;
        if (condition.ifNoneMatch)
            headers['if-none-match'] = condition.ifNoneMatch;
        const res = await this.#send({ method: 'PUT', url: `${this.#base}/v2/${repository}/manifests/${reference}`, headers, body: manifest }, scope(repository, true), true, beforeRetry);
        // A 412 is a conflict only where a condition was sent, and not a registry's immutable tag (Harbor
        // answers one with 412 PRECONDITION: goharbor/harbor src/pkg/immutable).
        const conditional = condition.ifMatch !== undefined || condition.ifNoneMatch !== undefined;
        if (res.status === 412 && conditional && !/immutable/i.test(res.body.toString('utf8')))
            return { conflict: true };
        if (res.status !== 201 && res.status !== 200)
            throw (0,oci_errors/* responseError */.U3)('push the manifest to', res, this.#target(repository, reference));
        const digest = (0,oci_digest/* sha256 */.sc)(manifest);
        const reported = res.headers['docker-content-digest'];
        if (reported && (0,oci_digest/* parseDigest */.m)(reported, 'the Docker-Content-Digest', where) !== digest)
            throw new errors/* UserError */.yo(`${where} stored the manifest as ${reported}, but its digest is ${digest}`, {
                hint: 'The registry rewrote the manifest (the distribution spec has it kept byte for byte); do not sign the reported digest before checking it',
            });
        const subject = res.headers['oci-subject'];
        return { conflict: false, digest, subject: subject ? (0,oci_digest/* parseDigest */.m)(subject.trim(), 'the OCI-Subject header', where) : undefined };
    }
    /**
     * Whether the registry serves the referrers API: GET /v2/<name>/referrers/<zero digest> answers 200
     * with an image index (as oras-go and @sigstore/oci ask; an `OCI-Subject` alone is not enough:
     * @sigstore/oci notes that AWS ECR sends it without having the API).
     */
    async hasReferrersApi(repository) {
        const url = `${this.#base}/v2/${repository}/referrers/sha256:${'0'.repeat(64)}`;
        const res = await this.#send({ method: 'GET', url, headers: { accept: media_types/* OciMediaType */.OH.index }, maxBody: 64 * 1024 }, scope(repository, false)).catch((err) => tooLarge(err, `the referrers of a digest nothing refers to in ${this.registry}/${repository}`, 64 * 1024));
        if (res.status === 200)
            return isMediaType(res.headers['content-type'], media_types/* OciMediaType */.OH.index);
        if (res.status === 404 || res.status === 400 || res.status === 405)
            return false;
        throw (0,oci_errors/* responseError */.U3)('ask for the referrers API of', res, this.#target(repository));
    }
    /**
     * The referrers API (GET /v2/<name>/referrers/<digest>, distribution-spec 1.1): each page's body
     * handed to `onPage` as it arrives (which may throw to stop), following the Link header, at most
     * `maxPages` pages of `maxBytes` each. False when the registry has no referrers API: a 404, or a
     * first answer that is not an image index (as oras-go decides).
     */
    async fetchReferrers(repository, digest, artifactType, bounds, onPage) {
        const where = `${this.registry}/${repository}@${digest}`;
        (0,oci_digest/* parseDigest */.m)(digest, 'the subject digest', where);
        const query = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : '';
        let url = `${this.#base}/v2/${repository}/referrers/${digest}${query}`;
        for (let pages = 0; url; pages++) {
            if (pages >= bounds.maxPages)
                throw new errors/* UserError */.yo(`the referrers of ${where} run over more than ${bounds.maxPages} pages`, {
                    hint: 'The registry is answering with something other than a list of referrers: nothing was read from it',
                });
            const res = await this.#send({ method: 'GET', url, headers: { accept: media_types/* OciMediaType */.OH.index }, maxBody: bounds.maxBytes }, scope(repository, false)).catch((err) => tooLarge(err, `a page of the referrers of ${where}`, bounds.maxBytes));
            if (pages === 0 && (res.status === 404 || (res.status === 200 && !isMediaType(res.headers['content-type'], media_types/* OciMediaType */.OH.index))))
                return false;
            if (res.status !== 200)
                throw (0,oci_errors/* responseError */.U3)('list the referrers in', res, this.#target(repository));
            onPage(res.body, (res.headers['oci-filters-applied'] ?? '').split(',').map((f) => f.trim()));
            const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.link ?? '')?.[1];
            const nextUrl = next ? new URL(next, url) : undefined;
            // A page link stays on the registry's own origin: credentials go nowhere else.
            if (nextUrl && nextUrl.origin !== new URL(this.#base).origin)
                throw new errors/* UserError */.yo(`the referrers of ${where} link their next page to another host (${nextUrl.origin}): refused`, {
                    hint: 'The registry is misconfigured or hostile',
                });
            url = nextUrl?.toString();
        }
        return true;
    }
    /**
     * A blob, verified while it streams: never more bytes than its descriptor says, and the digest
     * checked at the end. Redirects (object storage) are followed; credentials go only to the
     * registry's own origin. Transient failures are retried.
     */
    async fetchBlob(repository, d) {
        if (!Number.isSafeInteger(d.size) || d.size < 0 || d.size > MAX_BLOB_BYTES)
            throw new errors/* UserError */.yo(`${this.registry} describes blob ${d.digest} as ${d.size} bytes, over the ${MAX_BLOB_BYTES}-byte limit of a chart's blob`, {
                hint: 'The manifest is not a chart this client downloads: nothing was written',
            });
        const { value } = await (0,retry/* retrying */.R$)(this.#policy, () => this.#fetchBlobOnce(repository, d), { error: transientReason });
        return value;
    }
    async #fetchBlobOnce(repository, d) {
        const url = `${this.#base}/v2/${repository}/blobs/${(0,oci_digest/* parseDigest */.m)(d.digest, 'the blob digest', this.registry)}`;
        let res = await this.#open({ method: 'GET', url }, scope(repository, false));
        for (let hops = 0; REDIRECTS.includes(res.status); hops++) {
            const location = res.headers.location;
            await res.body.dump();
            if (!location || hops >= 5)
                throw new errors/* UserError */.yo(`${this.registry} redirected a blob download ${location ? 'too often' : 'without a Location'}`);
            const next = new URL(location, res.url);
            // Bytes of an HTTPS registry come over HTTPS only: a plain-HTTP hop could change them on the way.
            if (!this.#plainHttp && next.protocol !== 'https:')
                throw new errors/* UserError */.yo(`${this.registry} redirected a blob download from HTTPS to ${next.protocol === 'http:' ? `plain HTTP (${next.origin})` : `a ${next.protocol} address`}: refused`, {
                    hint: 'The registry or its storage is misconfigured or hostile: blobs of an HTTPS registry are fetched over HTTPS only',
                });
            // Credentials follow only to the registry's own origin (the authenticator decides).
            res = await this.#open({ method: 'GET', url: next.toString() }, scope(repository, false));
        }
        if (res.status !== 200) {
            const body = await (0,http/* readBounded */.CB)(res.body, ERROR_BODY_MAX, { truncate: true }).catch(() => Buffer.alloc(0));
            throw (0,oci_errors/* responseError */.U3)('download a blob from', { ...res, body }, this.#target(repository));
        }
        const hash = (0,external_node_crypto_.createHash)('sha256');
        let data;
        try {
            data = await (0,http/* readBounded */.CB)(res.body, d.size, { expected: d.size, onChunk: (c) => hash.update(c) });
        }
        catch (err) {
            if (err instanceof http/* BodyTooLarge */.KQ)
                throw new errors/* UserError */.yo(`blob ${d.digest} from ${this.registry} is larger than its descriptor says (${d.size} bytes)`, {
                    hint: 'The registry is serving other content: nothing was written to the cache',
                });
            throw (0,oci_errors/* networkError */.x6)(err, this.registry, this.#plainHttp);
        }
        const size = data.length;
        const got = `sha256:${hash.digest('hex')}`;
        if (size !== d.size || got !== d.digest) {
            throw new errors/* UserError */.yo(`blob ${d.digest} from ${this.registry} does not match its digest (got ${got}, ${size} of ${d.size} bytes)`, {
                hint: 'The download was corrupted on the way or at the registry: nothing was written to the cache; run again',
            });
        }
        return data;
    }
    #target(repository, reference) {
        return { registry: this.registry, repository, reference, username: this.username, service: this.#auth.service };
    }
    /**
     * One request with retries: transient statuses and dropped connections are tried again (only
     * when `idempotent`), after a backoff or the registry's Retry-After, within the policy's bounds.
     */
    async #send(req, scopeText, idempotent = true, beforeRetry) {
        const { value, attempts } = await (0,retry/* retrying */.R$)(this.#policy, async (n) => {
            if (n > 0)
                await beforeRetry?.();
            const res = await this.#auth.send(req, scopeText).catch((err) => this.#asRegistryError(err, this.registry));
            if (res.status === 400 && this.#plainHttp)
                await this.#checkScheme();
            return res;
        }, {
            // A quota spent for a window of hours (Docker Hub's pull limit) is not waited out here.
            result: (res) => idempotent && (0,retry/* isRetryableStatus */.PS)(res.status) && !(0,oci_errors/* quotaSpent */.np)(res.headers)
                ? { reason: `HTTP ${res.status}`, retryAfter: res.headers['retry-after'] }
                : undefined,
            error: (err) => (idempotent ? transientReason(err) : undefined),
            giveUp: (err, tries) => this.#withAttempts(err, this.registry, tries),
            onRetry: (reason, wait, next) => this.#log(`retrying ${req.method} ${new URL(req.url).pathname} ${when(wait)} (${reason}; attempt ${next} of ${this.#policy.retries + 1})`),
        });
        return { ...value, attempts };
    }
    /** A streamed GET, retried like #send. */
    async #open(req, scopeText) {
        const host = new URL(req.url).host;
        const { value } = await (0,retry/* retrying */.R$)(this.#policy, () => this.#auth.open(req, scopeText).catch((err) => this.#asRegistryError(err, host)), {
            result: (res) => (0,retry/* isRetryableStatus */.PS)(res.status)
                ? { reason: `HTTP ${res.status}`, retryAfter: res.headers['retry-after'], before: () => res.body.dump() }
                : undefined,
            error: transientReason,
            giveUp: (err, tries) => this.#withAttempts(err, host, tries),
        });
        return value;
    }
    /** A failure below the registry client (a connection's) as a RegistryError; the client's own pass through. */
    #asRegistryError(err, host) {
        throw err instanceof errors/* UserError */.yo ? err : (0,oci_errors/* networkError */.x6)(err, host, this.#plainHttp);
    }
    /** The last word on a connection that kept failing says how many attempts were made. */
    #withAttempts(err, host, attempts) {
        return err instanceof oci_errors/* RegistryError */.gl && err.network && attempts > 1 ? (0,oci_errors/* networkError */.x6)(err.cause, host, this.#plainHttp, attempts) : err;
    }
    /** A 400 over plain HTTP may be an HTTPS port answering; Go's servers say so in a GET's body. */
    async #checkScheme() {
        const probe = await this.#auth.send({ method: 'GET', url: `${this.#base}/v2/`, maxBody: 64 * 1024 }, undefined);
        if (probe.status === 400 && /HTTP request to an HTTPS server/i.test(probe.body.toString('utf8'))) {
            throw new errors/* UserError */.yo(`${this.registry} speaks HTTPS, but plain HTTP was used`, { hint: 'Talk HTTPS to it', code: 'https-expected' });
        }
    }
}
/** The most tags a listing keeps: a chart with more versions than this is not one a dependency is chosen from. */
const MAX_TAGS = 100_000;
const TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
/**
 * Adds a tags page's tags to `tags`: only strings that are tags by the distribution spec's grammar
 * (anything else could never be asked for by this client, so it is dropped, not chosen or printed),
 * and at most MAX_TAGS in all.
 */
function addTags(tags, body, where) {
    let page;
    try {
        page = (0,bounded_read/* readJson */.Vh)(body.toString('utf8'), TAGS_PAGE);
    }
    catch (err) {
        if (err instanceof bounded_read/* BoundsError */.UI)
            throw new errors/* UserError */.yo(`the tag list of ${where} ${err.message}: more than a page of tags holds`, {
                hint: 'The registry is answering with something other than a tag list',
            });
        throw new errors/* UserError */.yo(`${where} answered a tag list that is not JSON`, { hint: 'The registry does not follow the distribution spec' });
    }
    const listed = page?.tags ?? [];
    if (!Array.isArray(listed))
        throw new errors/* UserError */.yo(`${where} answered a tag list whose "tags" is not a list`, {
            hint: 'The registry does not follow the distribution spec',
        });
    for (const tag of listed) {
        if (typeof tag !== 'string' || !TAG.test(tag))
            continue;
        if (tags.length >= MAX_TAGS)
            throw new errors/* UserError */.yo(`${where} lists more than ${MAX_TAGS} tags`, {
                hint: 'Chartlift does not choose a version among that many: pin the dependency to a version in charts/ (helm dependency build), or clean up the repository',
            });
        tags.push(tag);
    }
}
/** An answer larger than the bound its reader set: nothing was read from it. */
class TooLarge extends errors/* UserError */.yo {
}
/** A body past its bound, said as what it was; any other failure passes on. */
function tooLarge(err, what, limit) {
    if ((0,causes/* causes */.p)(err).some((e) => e instanceof http/* BodyTooLarge */.KQ))
        throw new TooLarge(`${what} is larger than the ${limit}-byte bound`, {
            hint: 'The registry is answering with something else: nothing was read from it',
        });
    throw err;
}
/** A Content-Type header names `mediaType` (its parameters aside). */
function isMediaType(header, mediaType) {
    return (header ?? '').split(';')[0].trim().toLowerCase() === mediaType;
}
/** An upload session that cannot be resumed: transient for the upload as a whole, final for the session. */
class UploadLost extends oci_errors/* RegistryError */.gl {
}
/** A chunk the registry refused as sent (too large, or answered as if it ended the upload): the blob goes up in one request. */
class ChunksRefused extends Error {
}
/** Why a failure may be tried again: a transient registry or connection error, else undefined. */
function transientReason(err) {
    return err instanceof oci_errors/* RegistryError */.gl && err.transient ? err.message : undefined;
}
function scope(repository, push) {
    return `repository:${repository}:${push ? 'pull,push' : 'pull'}`;
}
/** The next offset from a `Range: 0-N` (or `bytes=0-N`) header: N + 1. */
function rangeEnd(range) {
    const m = /(\d+)-(\d+)\s*$/.exec(range ?? '');
    return m ? Number(m[2]) + 1 : undefined;
}
/** When a retry goes: "at once" (its try already waited out its backoff), or "in 1.2s". */
function when(waitMs) {
    return waitMs < 50 ? 'at once' : `in ${(waitMs / 1000).toFixed(1)}s`;
}


/***/ }),

/***/ 49963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $d: () => (/* binding */ isRetryableError),
/* harmony export */   Jb: () => (/* binding */ retryPolicy),
/* harmony export */   KU: () => (/* binding */ DEFAULT_TIMEOUT_SECONDS),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   R$: () => (/* binding */ retrying),
/* harmony export */   TU: () => (/* binding */ DEFAULT_RETRIES),
/* harmony export */   Y0: () => (/* binding */ backoffAtLeastHalf),
/* harmony export */   a2: () => (/* binding */ retryDelay),
/* harmony export */   kZ: () => (/* binding */ retryBudget),
/* harmony export */   vh: () => (/* binding */ isDeadline),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony export backoff */
/* harmony import */ var _util_causes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7554);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(39301);


const DEFAULT_RETRIES = 8;
const DEFAULT_TIMEOUT_SECONDS = 60;
function retryPolicy(retries = DEFAULT_RETRIES, timeoutSeconds = DEFAULT_TIMEOUT_SECONDS) {
    // Backoff as oras-go's (registry/remote/retry: about 250 ms doubling, capped at 3 s).
    return { retries, baseMs: 200, capMs: 3000, maxRetryAfterMs: 30_000, timeoutMs: timeoutSeconds * 1000 };
}
/**
 * How long an operation may take, retries included: (retries + 1) \u00d7 timeout, and every backoff wait
 * at its longest. A `Retry-After` is honoured only while it fits in what is left.
 */
function retryBudget(policy) {
    let backoff = 0;
    for (let n = 0; n < policy.retries; n++)
        backoff += Math.min(policy.capMs, policy.baseMs * 2 ** n);
    return (policy.retries + 1) * policy.timeoutMs + backoff;
}
function isRetryableStatus(status) {
    return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}
const TRANSIENT_CODES = new Set([
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    'ENETUNREACH',
    'EAI_AGAIN',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
    'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
]);
/** A dropped, reset or timed-out connection (not a refused one: nothing listens there, failing fast is kinder). */
function isRetryableError(err) {
    // A request whose client was closed (http.ts's HttpClosed) is over, however its connection ended.
    if ((0,_util_causes_js__WEBPACK_IMPORTED_MODULE_1__/* .causes */ .p)(err).some((e) => e.name === 'HttpClosed'))
        return false;
    return (0,_util_causes_js__WEBPACK_IMPORTED_MODULE_1__/* .causes */ .p)(err).some((e) => {
        const code = e.code;
        return ((typeof code === 'string' && TRANSIENT_CODES.has(code)) ||
            isDeadline(e) ||
            (e instanceof Error && /other side closed|socket hang up|terminated/i.test(e.message)));
    });
}
/** The wait before retry number `attempt` (0-based), honouring `Retry-After` (seconds or an HTTP date). */
function retryDelay(attempt, policy, retryAfter, random = Math.random) {
    return retryAfterMs(retryAfter, policy) ?? backoff(attempt, policy, random);
}
/** A `Retry-After` (seconds or an HTTP date) as a wait, capped at `maxRetryAfterMs`; undefined when absent or unreadable. */
function retryAfterMs(retryAfter, policy) {
    if (!retryAfter)
        return undefined;
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
    return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, policy.maxRetryAfterMs) : undefined;
}
/**
 * Exponential backoff from `baseMs`, capped at `capMs`, with full jitter: anywhere from nothing to the
 * whole of it. Of the strategies the AWS Architecture Blog compared ("Exponential Backoff And Jitter",
 * Marc Brooker, 2015), full jitter finished competing clients' work soonest with about the fewest calls;
 * the AWS SDKs' standard retry mode waits so (`random(0, 1) \u00d7 min(base \u00d7 2^attempt, cap)`). Equal jitter,
 * used before, kept half of each wait: a publish at 40% faults spent seconds longer in its waits.
 */
function backoff(attempt, policy, random = Math.random) {
    return random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
}
/** The same growth with equal jitter: at least half of each wait, for a caller that must outlast something (a lag). */
function backoffAtLeastHalf(attempt, policy, random = Math.random) {
    const exp = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
    return exp / 2 + random() * (exp / 2);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/**
 * The one retry loop: `attempt(n)` until its result or error is final, at most `policy.retries`
 * times more, waiting between tries as `retryDelay` says (backoff with jitter, or the registry's
 * Retry-After). Returns the last result and how many attempts were made.
 *
 * One deadline per operation: the outermost loop sets it (now + `budgetMs`); loops nested in it
 * (however deep) share it, and no loop starts a wait that would end past it: it gives up instead.
 * Each request's own timeout is cut to what is left (`requestTimeout`).
 */
async function retrying(policy, attempt, hooks) {
    const at = (0,_deadline_js__WEBPACK_IMPORTED_MODULE_0__/* .deadline */ .nl)() ?? Date.now() + (hooks.budgetMs ?? retryBudget(policy));
    return (0,_deadline_js__WEBPACK_IMPORTED_MODULE_0__/* .withDeadline */ .NE)(at, () => retryLoop(policy, attempt, hooks, at));
}
async function retryLoop(policy, attempt, hooks, at) {
    // Another try needs tries left, and its wait (backoff, or the registry's Retry-After) to end before the deadline.
    const another = (n, wait) => n < policy.retries && Date.now() + wait < at;
    for (let n = 0;; n++) {
        let reason;
        let wait;
        const sent = Date.now();
        try {
            const value = await attempt(n);
            const again = hooks.result?.(value);
            if (!again)
                return { value, attempts: n + 1 };
            // An answer, however slow (a 503 after seconds): the registry is there and busy, the whole backoff.
            wait = retryDelay(n, policy, again.retryAfter);
            if (!another(n, wait))
                return { value, attempts: n + 1 };
            await again.before?.();
            reason = again.reason;
        }
        catch (err) {
            const why = hooks.error?.(err);
            if (why === undefined)
                throw err;
            // A failed answer may say when to come back (a 429 to an upload's POST): honoured as for a result.
            const retryAfter = err.retryAfter;
            // No answer at all (a swallowed request, a dropped connection) counts its backoff from the send; a
            // failed answer (an HTTP status) waits the whole of it, as a result does.
            const from = typeof err.status === 'number' ? Date.now() : sent;
            wait = waitAfter(n, policy, from, typeof retryAfter === 'string' ? retryAfter : undefined);
            if (!another(n, wait))
                throw hooks.giveUp ? hooks.giveUp(err, n + 1) : err;
            reason = why;
        }
        hooks.onRetry?.(reason, wait, n + 2);
        await sleep(wait);
    }
}
/**
 * The wait before the next try after one that got no answer (a request the registry swallowed, given
 * up after its answer deadline; a dropped connection): the backoff counted from when the try was sent,
 * so tries are spaced by the backoff and no more. One that waited its answer deadline out has already
 * left the registry alone that long, and goes again at once. A `Retry-After` is honoured in full.
 */
function waitAfter(n, policy, from, retryAfter) {
    return retryAfterMs(retryAfter, policy) ?? Math.max(0, backoff(n, policy) - (Date.now() - from));
}
/** The request's deadline passed (AbortSignal.timeout): the whole exchange, body included, took too long. */
function isDeadline(e) {
    return typeof e === 'object' && e !== null && e.name === 'TimeoutError';
}


/***/ }),

/***/ 29383:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ UNKNOWN_ROOT_CODES),
/* harmony export */   h: () => (/* binding */ UNTRUSTED_CERT_CODES)
/* harmony export */ });
/** The handshake answers of a chain that ends in a root we do not trust (the system's store may hold it). */
const UNKNOWN_ROOT_CODES = new Set([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_GET_ISSUER_CERT',
]);
/** Every answer that means "this certificate is not trusted": an unknown root, an expired or misnamed one. */
const UNTRUSTED_CERT_CODES = new Set([
    ...UNKNOWN_ROOT_CODES,
    'CERT_HAS_EXPIRED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);


/***/ }),

/***/ 42891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ readCaFile)
/* harmony export */ });
/* harmony import */ var _util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38562);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);


/** A CA bundle is a few KiB; the system's whole store is under 1 MiB. */
const MAX_CA_FILE = 4 * 1024 * 1024;
/** A PEM bundle of extra trusted roots (a CA file), checked to hold at least one certificate. */
async function readCaFile(file) {
    let pem;
    try {
        // A bundle of a few CAs: a device or a FIFO named by mistake is refused, not read for ever.
        pem = (await (0,_util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_0__/* .readRegularFile */ .XF)(file, MAX_CA_FILE)).toString('utf8');
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`cannot read the CA file (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fsCode */ .r0)(err) ?? err.message})`, {
            where: file,
            hint: 'Check the path of the CA file',
            code: 'ca-file-unreadable',
        });
    }
    if (!/-----BEGIN CERTIFICATE-----/.test(pem))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('holds no PEM certificate', {
            where: file,
            hint: 'A CA file is a PEM bundle (-----BEGIN CERTIFICATE-----)',
            code: 'ca-file-not-pem',
        });
    return pem;
}


/***/ }),

/***/ 48274:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rh: () => (/* binding */ TOKEN_HOSTS_VARIABLE),
/* harmony export */   bz: () => (/* binding */ tokenHostsFrom),
/* harmony export */   mR: () => (/* binding */ checkRealm)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41095);


/**
 * Public registries whose documented token service is on another host of the same operator: their
 * realms are taken over HTTPS without configuration. Any other host must be listed by the user.
 */
const KNOWN_TOKEN_HOSTS = {
    'registry-1.docker.io': ['auth.docker.io'],
    'index.docker.io': ['auth.docker.io'],
    'docker.io': ['auth.docker.io'],
    'registry.gitlab.com': ['gitlab.com'],
};
/** The environment variable both faces read token hosts from, besides their own setting. */
const TOKEN_HOSTS_VARIABLE = 'CHARTLIFT_TOKEN_HOSTS';
/** Token hosts as a person writes them (`auth.example.com`, `gitlab.example.com:8443`), separated by commas or blanks. */
function tokenHostsFrom(value) {
    return (value ?? '').split(/[\s,]+/).filter(Boolean);
}
/**
 * Where a registry's Bearer realm may send the runner, with the credentials: the registry's own host,
 * a known token service of a public registry, or a host the user listed (`tokenHosts`); over HTTPS, or
 * plain HTTP only for a registry that is plain HTTP itself. Anything else is refused before a request
 * goes there: a realm is the registry's to name, and a hostile one would otherwise point the runner at
 * any address. Returns the realm's URL.
 */
function checkRealm(registry, origin, realm, tokenHosts) {
    let url;
    try {
        url = new URL(realm);
    }
    catch {
        url = new URL('invalid:');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${registry} names a token realm that is not HTTP(S): ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g)(realm.slice(0, 200))}`, {
            hint: 'The registry is misconfigured or hostile',
        });
    if (url.protocol === 'http:' && origin.startsWith('https:'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${registry} (HTTPS) names a plain-HTTP token realm, ${url.origin}: credentials are not sent there`, {
            hint: 'The registry is misconfigured or hostile: its token service must be HTTPS',
        });
    const own = new URL(origin).hostname;
    const known = url.protocol === 'https:' && (KNOWN_TOKEN_HOSTS[own]?.includes(url.host) ?? false);
    if (url.hostname !== own && !known && !tokenHosts.has(url.host) && !tokenHosts.has(url.hostname))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${registry} names a token realm on another host, ${url.host}: no request is sent there, as the runner's credentials would go with it (only the registry's own host, a known token service of a public registry, or a host listed as a token host is asked)`, {
            hint: `If ${url.host} is this registry's token service (a self-managed GitLab's is the GitLab host, not the registry's), list it in ${TOKEN_HOSTS_VARIABLE}`,
            code: 'token-realm-refused',
        });
    return url;
}


/***/ }),

/***/ 21571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ds: () => (/* binding */ wideTls),
/* harmony export */   PO: () => (/* binding */ narrowTls),
/* harmony export */   YF: () => (/* binding */ tlsOptions)
/* harmony export */ });
/** node:tls, loaded when a first HTTPS connection needs it (a plain-HTTP registry never does). */
const tlsModule = () => process.getBuiltinModule('node:tls');
/**
 * The roots an HTTPS connection is first checked against: Node's (with NODE_EXTRA_CA_CERTS) and
 * `ca`, in one secure context shared by every connection. The system's store (where runners keep a
 * company's CA) takes ~50 ms to read and ~12 ms to parse into each new context, so it is read only
 * when a certificate is not trusted without it (`wideTls`).
 */
function narrowTls(trust) {
    if (trust.insecure)
        return { rejectUnauthorized: false };
    return trust.ca ? { secureContext: tlsModule().createSecureContext({ ca: [...defaultRoots(), trust.ca] }) } : {};
}
/** Every root at once: Node's, the system's and `ca`. */
function wideTls(trust) {
    if (trust.insecure)
        return { rejectUnauthorized: false };
    return { secureContext: tlsModule().createSecureContext({ ca: allRoots(trust) }) };
}
/** Every root at once, as plain TLS options (a proxy's connections: undici's proxy agent takes these). */
function tlsOptions(trust) {
    return { ca: allRoots(trust), rejectUnauthorized: !trust.insecure };
}
function allRoots(trust) {
    return [...new Set([...defaultRoots(), ...systemRoots(), ...(trust.ca ? [trust.ca] : [])])];
}
/** Node's bundled roots with NODE_EXTRA_CA_CERTS. */
function defaultRoots() {
    const t = tlsModule();
    return t.getCACertificates?.('default') ?? t.rootCertificates;
}
/** The system's store (OpenSSL's paths: SSL_CERT_FILE and SSL_CERT_DIR are honoured), where the runtime reads it. */
function systemRoots() {
    try {
        return tlsModule().getCACertificates?.('system') ?? [];
    }
    catch {
        return [];
    }
}


/***/ }),

/***/ 45598:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Zp: () => (/* binding */ bindRef),
  sh: () => (/* binding */ loadSource),
  ck: () => (/* binding */ packageLoaded),
  iJ: () => (/* binding */ packageSource)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/chart/assemble.ts
var assemble = __webpack_require__(43178);
// EXTERNAL MODULE: ./src/chart/load.ts + 3 modules
var load = __webpack_require__(20185);
// EXTERNAL MODULE: ./src/chart/metadata.ts
var metadata = __webpack_require__(96655);
// EXTERNAL MODULE: ./src/chart/package.ts + 1 modules
var chart_package = __webpack_require__(12353);
// EXTERNAL MODULE: ./src/chart/source-date.ts
var source_date = __webpack_require__(6732);
// EXTERNAL MODULE: ./src/util/yield.ts
var util_yield = __webpack_require__(98681);
// EXTERNAL MODULE: ./src/util/yaml-lib.ts
var yaml_lib = __webpack_require__(63235);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/chart/go-values.ts
var go_values = __webpack_require__(7475);
// EXTERNAL MODULE: ./src/util/bytes-order.ts
var bytes_order = __webpack_require__(48146);
// EXTERNAL MODULE: ./src/oci/digest.ts
var digest = __webpack_require__(68825);
// EXTERNAL MODULE: ./src/artifact/media-types.ts
var media_types = __webpack_require__(86690);
;// CONCATENATED MODULE: ./src/artifact/manifest.ts





/**
 * Helm's manifest annotations (pkg/registry): title, version, description, url, source, authors,
 * created \u2014 non-blank ones only \u2014 then Chart.yaml's annotations, which may override all but title
 * and version.
 */
function manifestAnnotations(md, createdSeconds) {
    const out = {};
    const put = (k, v) => {
        if (v !== undefined && v.trim() !== '')
            out[k] = v;
    };
    put(media_types/* Annotation */.Y.description, md.description);
    put(media_types/* Annotation */.Y.title, md.name);
    put(media_types/* Annotation */.Y.version, md.version);
    put(media_types/* Annotation */.Y.url, md.home);
    put(media_types/* Annotation */.Y.created, new Date(createdSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'));
    put(media_types/* Annotation */.Y.source, md.sources[0]);
    put(media_types/* Annotation */.Y.authors, md.maintainers.map((m) => (m.email ? `${m.name} (${m.email})` : m.name)).join(', '));
    for (const [k, v] of Object.entries(md.annotations)) {
        if (k !== media_types/* Annotation */.Y.title && k !== media_types/* Annotation */.Y.version)
            out[k] = v;
    }
    return out;
}
function descriptorJson(d) {
    return new go_values/* RawJson */.jg((0,go_values/* goStructJson */.W2)([
        ['mediaType', d.mediaType],
        ['digest', d.digest],
        ['size', d.size],
    ]));
}
/** The image manifest as Helm writes it: no top-level mediaType, layers sorted by digest. */
function buildArtifact(md, chart, createdSeconds, options = {}) {
    const config = Buffer.from((0,metadata/* configJson */.B2)(md));
    const configDescriptor = (0,digest/* describe */.q0)(media_types/* MediaType */.z.config, config);
    const chartDescriptor = (0,digest/* describe */.q0)(options.chartMediaType ?? media_types/* MediaType */.z.chart, chart);
    const layers = [chartDescriptor];
    if (options.provenance)
        layers.push((0,digest/* describe */.q0)(media_types/* MediaType */.z.provenance, options.provenance));
    layers.sort((a, b) => (0,bytes_order/* compareBytes */.X)(a.digest, b.digest));
    const annotations = { ...manifestAnnotations(md, createdSeconds), ...options.extraAnnotations };
    const annotationJson = `{${Object.keys(annotations)
        .sort(bytes_order/* compareBytes */.X)
        .map((k) => `${(0,go_values/* goJsonString */.AZ)(k)}:${(0,go_values/* goJsonString */.AZ)(annotations[k])}`)
        .join(',')}}`;
    const manifest = Buffer.from((0,go_values/* goStructJson */.W2)([
        ['schemaVersion', 2],
        ['config', descriptorJson(configDescriptor)],
        ['layers', layers.map(descriptorJson)],
        ['annotations', new go_values/* RawJson */.jg(annotationJson)],
    ]));
    return {
        config,
        chart,
        provenance: options.provenance,
        manifest,
        configDescriptor,
        chartDescriptor,
        manifestDescriptor: (0,digest/* describe */.q0)(media_types/* MediaType */.z.manifest, manifest),
        layers,
    };
}

// EXTERNAL MODULE: ./src/artifact/chart-ref.ts
var chart_ref = __webpack_require__(31938);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(62148);
// EXTERNAL MODULE: ./src/artifact/artifacthub-annotations.ts
var artifacthub_annotations = __webpack_require__(9048);
;// CONCATENATED MODULE: ./src/release/build.ts















/**
 * Loads a chart (vendoring missing dependencies), applies the overrides, packages it reproducibly
 * (a packaged .tgz without overrides is taken as it is, with its .prov beside it) and builds its manifest.
 */
async function packageSource(source, options) {
    return packageLoaded(await loadSource(source, options), options);
}
/** The first half of `packageSource`: the chart as it will be published, before any byte is written. */
async function loadSource(source, options) {
    const { overrides = {} } = options;
    const { chart, archive } = await (0,load/* loadChart */.T)(source, { allowMissingDependencies: true, workspace: options.workspace });
    if (!archive)
        (0,metadata/* checkPackageable */.TF)(chart.metadata, `${source}/Chart.yaml`);
    const missing = chart.metadata.dependencies.filter((d) => !chart.dependencies.some((c) => c.metadata.name === d.name));
    if (missing.length > 0 && archive) {
        // A packaged chart is pushed as it is: nothing is resolved into it.
        options.log?.warn(`${source}: declares dependencies missing from its charts/ (${missing.map((d) => d.name).join(', ')}): pushed as it is, helm install will refuse it until they are vendored`);
    }
    else if (missing.length > 0) {
        const { resolveDependencies } = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(560)]).then(__webpack_require__.bind(__webpack_require__, 57560));
        const own = options.access ? undefined : await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 19217)).then((m) => m.openRegistries());
        try {
            await resolveDependencies(chart, source, { log: (line) => options.log?.info(line), access: options.access ?? own.access() });
        }
        finally {
            await own?.close();
        }
    }
    for (const line of (0,assemble/* unmetSubchartDependencies */.rs)(chart))
        options.log?.warn(`${source}: ${line}: templates that use it will fail to render`);
    const md = chart.metadata;
    let overridden = false;
    if (overrides.version) {
        const version = overrides.version.trim().replace(/^v/, '');
        if (!(0,metadata/* isHelmVersion */.VV)(version))
            throw new errors/* UserError */.yo(`the version ${JSON.stringify(overrides.version)} given to publish is not a version Helm reads`, {
                hint: 'Use MAJOR.MINOR.PATCH, e.g. 1.2.0 (a leading v is dropped)',
                code: 'version-invalid',
            });
        overridden ||= version !== md.version;
        md.version = version;
    }
    if (overrides.appVersion) {
        overridden ||= overrides.appVersion !== md.appVersion;
        md.appVersion = overrides.appVersion;
    }
    overridden = (await addSignKey(md, options)) || overridden;
    // Artifact Hub's annotations are YAML documents of their own, read with the library.
    if (Object.keys(md.annotations).some((k) => k.startsWith('artifacthub.io/')))
        await (0,yaml_lib/* loadYaml */.yv)();
    checkAnnotations(md, source, options);
    // Packaged here unless a .tgz is pushed as it is: then only what `helm package` packages.
    if (archive && overridden)
        (0,metadata/* checkPackageable */.TF)(md, `${source}/Chart.yaml`);
    return { source, chart, archive, overridden, looseVersion: !(0,metadata/* isSemVer2 */.FC)(md.version) };
}
/** The second half of `packageSource`: the archive, the config and the manifest. */
async function packageLoaded(loaded, options) {
    const { source, chart, archive, overridden, looseVersion } = loaded;
    const { signer, overrides = {} } = options;
    const md = chart.metadata;
    const date = (0,source_date/* sourceDate */.e)(options.env); // SOURCE_DATE_EPOCH's, or the fixed epoch
    const bytes = archive && !overridden ? archive : await (0,chart_package/* packageChart */.n)(chart, date.seconds);
    await (0,util_yield/* yieldToLoop */.j)();
    let provenance = archive && !overridden ? await readProvenance(`${source}.prov`) : undefined;
    if (provenance && !signer)
        await checkProvenanceNames(provenance, md, bytes, `${source}.prov`);
    let signed;
    if (signer) {
        // The signature's time: SOURCE_DATE_EPOCH when set (the same key and chart then give the same file), else now.
        const when = date.from === 'SOURCE_DATE_EPOCH' ? new Date(date.seconds * 1000) : undefined;
        const { messageBlock } = await __webpack_require__.e(/* import() */ 863).then(__webpack_require__.bind(__webpack_require__, 31863));
        const made = await signer.sign(await messageBlock(md, bytes), when);
        provenance = made.provenance;
        signed = { fingerprint: made.fingerprint, userId: made.userId };
    }
    const artifact = buildArtifact(md, bytes, date.seconds, {
        provenance,
        extraAnnotations: {
            ...(md.sources.length === 0 && overrides.codeUrl ? { [media_types/* Annotation */.Y.source]: overrides.codeUrl } : {}),
            ...overrides.annotations,
        },
        chartMediaType: overrides.layerMediaType === 'legacy' ? media_types/* MediaType */.z.legacyChart : media_types/* MediaType */.z.chart,
    });
    return { source, chart, artifact, date, signed, looseVersion };
}
/**
 * A chart signed with a provenance key tells Artifact Hub which key (`artifacthub.io/signKey`: its
 * fingerprint and where the public key is) when a URL is given and the chart does not say already.
 * Whether Chart.yaml changed (a packaged .tgz is then packaged again).
 */
async function addSignKey(md, options) {
    const url = options.artifactHub?.signKeyUrl;
    if (!options.signer || !url || artifacthub_annotations/* SIGN_KEY_ANNOTATION */.cb in md.annotations)
        return false;
    md.annotations = { ...md.annotations, [artifacthub_annotations/* SIGN_KEY_ANNOTATION */.cb]: (0,artifacthub_annotations/* signKeyAnnotation */.IE)(await options.signer.fingerprint(), url) };
    return true;
}
/** Artifact Hub's annotations as it reads them: a malformed one fails the build (`lint: error`) or is warned about. */
function checkAnnotations(md, source, options) {
    const problems = (0,artifacthub_annotations/* checkArtifactHubAnnotations */.gO)(md.annotations, md.name);
    if (problems.length === 0)
        return;
    const where = archiveOrFolder(source);
    const lines = problems.map((p) => `${p.annotation}: ${p.problem}`);
    if (options.artifactHub?.lint === 'error')
        throw new errors/* UserError */.yo(`Artifact Hub cannot read ${lines.length === 1 ? 'an annotation' : `${lines.length} annotations`}: ${lines.join('; ')}`, {
            where,
            hint: 'Fix the annotation (see https://artifacthub.io/docs/topics/annotations/helm/), or let it pass with a warning',
            code: 'artifacthub-annotation',
        });
    for (const line of lines)
        options.log?.warn(`${where}: Artifact Hub cannot read ${line}`);
}
function archiveOrFolder(source) {
    return source.endsWith('.tgz') ? `${source} (Chart.yaml)` : `${source.replace(/\/+$/, '')}/Chart.yaml`;
}
/** Binds a packaged chart to the reference `refInput` names for it. */
function bindRef(p, refInput) {
    const { ref, pathAsGiven } = (0,chart_ref/* resolveChartRef */.Q)(refInput, p.chart.metadata.name, p.chart.metadata.version);
    return { ...p, ref, refName: (0,reference/* refString */.nw)(ref), pathAsGiven };
}
/** A `.prov` pushed beside an archive must name that archive by its digest: else it was made for another one. */
async function checkProvenanceNames(provenance, md, archive, where) {
    const { provenanceFiles, archiveName } = await __webpack_require__.e(/* import() */ 863).then(__webpack_require__.bind(__webpack_require__, 31863));
    let files;
    try {
        files = await provenanceFiles(provenance);
    }
    catch (err) {
        throw new errors/* UserError */.yo(err.message, { where, hint: 'Make it again with helm package --sign, or sign with Chartlift' });
    }
    const name = archiveName(md);
    const digest = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(archive).digest('hex')}`;
    if (files[name] !== digest)
        throw new errors/* UserError */.yo(files[name] === undefined
            ? `was made for another chart: it does not name ${name}`
            : `was made for another archive: it names ${name} as ${String(files[name])}, the archive is ${digest}`, { where, hint: 'The chart was changed after it was signed: sign it again' });
}
async function readProvenance(file) {
    try {
        return await (0,promises_.readFile)(file);
    }
    catch (err) {
        if ((0,errors/* fsCode */.r0)(err) === 'ENOENT')
            return undefined;
        throw new errors/* UserError */.yo(`cannot read the provenance file (${(0,errors/* fsCode */.r0)(err) ?? err.message})`, { where: file });
    }
}


/***/ }),

/***/ 28567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ CACHED_BLOB_BYTES),
/* harmony export */   J: () => (/* binding */ readCached)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _oci_registry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9458);
/* harmony import */ var _artifact_fetch_budget_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28466);
/* harmony import */ var _artifact_media_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86690);
/* harmony import */ var _artifact_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(72781);





/**
 * The most each blob of a cached chart is read to: what the registry client takes of each when it
 * downloads one, so that whatever a pull saved is read back, and nothing larger (a cache file may be
 * anything another process left) is read at all.
 */
const CACHED_BLOB_BYTES = {
    manifest: _artifact_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .MANIFEST_JSON */ .lR.maxBytes,
    config: _artifact_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .CONFIG_JSON */ .Y6.maxBytes,
    chart: _oci_registry_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_BLOB_BYTES */ .TP,
    provenance: _artifact_fetch_budget_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_SMALL_BLOB */ .v,
};
/** A chart saved in the cache under `refName`, every blob checked against its digest. */
async function readCached(layout, refName) {
    const entry = await layout.resolve(refName);
    if (!entry)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${refName} is not in the cache`, {
            where: layout.root,
            hint: 'See `chartlift chart list`; save or pull it first',
        });
    const raw = await layout.readBlob(entry.digest, CACHED_BLOB_BYTES.manifest);
    const { manifest, chartLayer, provLayer } = (0,_artifact_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseChartManifest */ .j$)(raw, refName);
    const config = await layout.readBlob(manifest.config.digest, CACHED_BLOB_BYTES.config);
    const chart = await layout.readBlob(chartLayer.digest, CACHED_BLOB_BYTES.chart);
    const provenance = provLayer ? await layout.readBlob(provLayer.digest, CACHED_BLOB_BYTES.provenance) : undefined;
    const { name, version } = (0,_artifact_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .readChartConfig */ .$H)(config, refName);
    return {
        name,
        version,
        artifact: {
            config,
            chart,
            provenance,
            manifest: raw,
            configDescriptor: manifest.config,
            chartDescriptor: chartLayer,
            manifestDescriptor: { mediaType: _artifact_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .z.manifest, digest: entry.digest, size: raw.length },
            layers: manifest.layers,
        },
    };
}


/***/ }),

/***/ 13296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ logIn)
/* harmony export */ });
/* harmony import */ var _oci_credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(22559);

/**
 * `helm registry login`: checks the credential against the registry (GET /v2/), then stores it in
 * Helm's registry config, so that later steps (`helm pull`, `helm install`) need no login.
 * Returns the file and the entry the login replaced, if any.
 */
async function logIn(client, username, password) {
    await client.ping();
    const file = (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .helmRegistryConfigPath */ .Zz)();
    const previous = await (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .storeLogin */ .VJ)(file, client.registry, username, password);
    return { file, previous };
}


/***/ }),

/***/ 82641:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ pushAndCache)
/* harmony export */ });
/* harmony import */ var _oci_layout_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25823);
/* harmony import */ var _pull_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27458);
/* harmony import */ var _push_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43953);
/* harmony import */ var _save_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(11144);




/**
 * Pushes `artifact` to the reference and leaves the cache entry `refName` holding what the tag holds after:
 * this build, or the registry's copy (the same chart under another manifest; or, skipped, the tag's
 * other content, pulled). `options.beforeCommit` is this build's own save, awaited before the
 * registry's copy replaces it.
 */
async function pushAndCache(client, ref, refName, artifact, ifExists, cacheDir, options = {}) {
    const outcome = await (0,_push_js__WEBPACK_IMPORTED_MODULE_2__/* .pushArtifact */ .Xi)(client, ref, artifact, ifExists, options);
    const done = (stands, from) => ({
        refName,
        tag: ref.tag,
        status: outcome.status,
        artifact: stands,
        from,
    });
    if (outcome.existing) {
        await options.beforeCommit;
        await (0,_save_js__WEBPACK_IMPORTED_MODULE_3__/* .saveToCache */ .$)(cacheDir, refName, outcome.existing);
        return done(outcome.existing, 'registry');
    }
    if (outcome.status === 'skipped') {
        await options.beforeCommit;
        const pulled = await (0,_pull_js__WEBPACK_IMPORTED_MODULE_1__/* .pullChart */ .q)(client, ref, new _oci_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .Layout */ .PE(cacheDir));
        return done(pulled.cached.artifact, 'registry');
    }
    return done(artifact, 'build');
}


/***/ }),

/***/ 27458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ pullChart)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62148);
/* harmony import */ var _artifact_fetch_budget_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28466);
/* harmony import */ var _artifact_parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(72781);
/* harmony import */ var _cached_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(28567);





/**
 * Pulls a chart into the cache: the manifest checked (a Helm chart, modern or legacy layer, maybe
 * provenance), each blob it lacks downloaded and verified while it streams, and only then everything
 * written and tagged. A failure leaves the cache as it was.
 */
async function pullChart(client, ref, layout, check) {
    const refName = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .refString */ .nw)(ref);
    const { body, digest } = await client.fetchManifest(ref.repository, ref.tag);
    const { manifest, chartLayer, provLayer } = (0,_artifact_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .parseChartManifest */ .j$)(body, refName);
    const wanted = [manifest.config, ...manifest.layers];
    // An entry whose digest is not one (index.json written by something else) is replaced, as if absent.
    const current = await layout.resolve(refName).catch((err) => {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo)
            return undefined;
        throw err;
    });
    const present = await Promise.all(wanted.map((d) => layout.hasBlob(d)));
    if (current?.digest === digest && present.every(Boolean) && (await layout.hasBlob({ digest, size: body.length }))) {
        const cached = await (0,_cached_js__WEBPACK_IMPORTED_MODULE_4__/* .readCached */ .J)(layout, refName);
        await check?.({
            chart: cached.artifact.chart,
            provenance: cached.artifact.provenance,
            name: cached.name,
            version: cached.version,
            digest,
        });
        return { cached, downloaded: false };
    }
    // Every blob is held until the pull is saved: their sizes together are bounded before the first fetch.
    const budget = new _artifact_fetch_budget_js__WEBPACK_IMPORTED_MODULE_2__/* .FetchBudget */ .q(refName);
    for (const d of wanted)
        budget.take(d);
    const blobs = await Promise.all(wanted.map((d, i) => (present[i] ? layout.readBlob(d.digest) : client.fetchBlob(ref.repository, d))));
    // A config that is not a chart's is refused before anything is saved (list and export would choke on it);
    // so is a chart that `check` (the provenance, with --verify) does not accept.
    const { name, version } = (0,_artifact_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .readChartConfig */ .$H)(blobs[0], refName);
    const blobOf = (d) => blobs[wanted.findIndex((w) => w.digest === d.digest)];
    await check?.({ chart: blobOf(chartLayer), provenance: provLayer ? blobOf(provLayer) : undefined, name, version, digest });
    await layout.save(refName, { mediaType: manifest.mediaType ?? 'application/vnd.oci.image.manifest.v1+json', digest, size: body.length }, [
        ...blobs,
        body,
    ]);
    return { cached: await (0,_cached_js__WEBPACK_IMPORTED_MODULE_4__/* .readCached */ .J)(layout, refName), downloaded: true };
}


/***/ }),

/***/ 43953:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FY: () => (/* binding */ lookUpTag),
  Xi: () => (/* binding */ pushArtifact)
});

// UNUSED EXPORTS: LOOKUP_MAX_AGE_MS

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/artifact/media-types.ts
var media_types = __webpack_require__(86690);
// EXTERNAL MODULE: ./src/oci/registry.ts + 2 modules
var registry = __webpack_require__(9458);
// EXTERNAL MODULE: ./src/oci/retry.ts
var retry = __webpack_require__(49963);
;// CONCATENATED MODULE: ./src/util/clock.ts
/**
 * Milliseconds on a monotonic clock. `performance.now()` would do as well, but its first use loads
 * Node's perf_hooks (about 1 MiB and a few milliseconds on the start path); the process's own
 * high-resolution clock is already there.
 */
function monotonicMs() {
    return Number(process.hrtime.bigint()) / 1e6;
}

// EXTERNAL MODULE: ./src/release/same-chart.ts + 2 modules
var same_chart = __webpack_require__(82047);
;// CONCATENATED MODULE: ./src/release/push.ts






/** How old a look-up may be when the build is ready: older, and it found the tag, the tag is asked for again. */
const LOOKUP_MAX_AGE_MS = 1000;
/**
 * Publishes an artifact in three steps: `decide` (what the tag holds: the same manifest, or the same
 * chart under another one, is left as it is; only a real change meets `ifExists`), `upload` (the blobs
 * the registry lacks), `commit` (the manifest, written last, and only once `beforeCommit` has settled
 * well, so a failure never leaves a tag pointing at missing blobs; then read back).
 */
async function pushArtifact(client, ref, artifact, ifExists, options = {}) {
    let current = await (options.current ?? client.resolveTag(ref.repository, ref.tag, true));
    // A tag found while a large chart was packaged is asked for again once the build is ready: "unchanged",
    // "skip" and "fail" are decided on what it holds now, not seconds ago. A tag not found needs no second
    // look: the write path asks again just before writing (TagCheck).
    if (current !== undefined && options.currentAskedAt !== undefined && Date.now() - options.currentAskedAt > LOOKUP_MAX_AGE_MS)
        current = await client.resolveTag(ref.repository, ref.tag, true);
    const early = await decide(client, ref, artifact, ifExists, current, options.vouch);
    if (early)
        return early;
    // Registries offer no conditional tag update. A new tag is asked for again once the last upload
    // request has gone out, body and all (a run that wrote it meanwhile is then met as if-exists says),
    // and read back after the write (a run that wrote in between is reported, not silently overwritten).
    // Asked beside that request rather than after its answer: one round trip fewer, for a window as long
    // as the registry takes to answer it.
    const check = new TagCheck(client, ref, current === undefined);
    // The tag is asked again once both the upload and `beforeWrite` are done, so that the window
    // (and the settling wait that follows the write) does not include the longer of the two.
    let waiting = options.beforeWrite ? 2 : 1;
    const oneDone = () => {
        if (--waiting === 0)
            check.askAgain();
    };
    const before = options.beforeWrite?.().then(oneDone);
    // Safe: awaited below, right after the upload; only an upload that fails first leaves it unawaited.
    before?.catch(() => { });
    await upload(client, ref, artifact, { known: current !== undefined, mountFrom: options.mountFrom, lastSent: oneDone });
    await Promise.all([options.beforeCommit, before]);
    return commit(client, ref, artifact, ifExists, check, current, options);
}
/**
 * The tag as this run last saw it before writing: when it was asked (the start of the window in
 * which another run's write goes unseen), and, for a new tag, the answer to asking again.
 */
class TagCheck {
    client;
    ref;
    isNew;
    at = monotonicMs();
    #again;
    constructor(client, ref, 
    /** Whether the tag was new (held nothing): only then is it asked for again. */
    isNew) {
        this.client = client;
        this.ref = ref;
        this.isNew = isNew;
    }
    /** Asks once, now; later calls do nothing. */
    askAgain() {
        if (!this.isNew || this.#again)
            return;
        this.at = monotonicMs();
        this.#again = this.client.resolveTag(this.ref.repository, this.ref.tag, true);
        // Safe: `commit` awaits this same promise and reports its failure; only when the upload or
        // `beforeCommit` fails first is it never awaited, and then that failure is the one reported.
        this.#again.catch(() => { });
    }
    /** What asking again found (asked now if the upload never did), or undefined for a tag that held something. */
    async answer() {
        this.askAgain();
        return this.#again;
    }
}
/**
 * Uploads the blobs the registry lacks, all at once; `lastSent` is called as the last request of the
 * last blob goes out. A new tag's small blobs are almost always new too: uploading one that exists
 * costs less than asking (`known`: the tag held something, so they are asked for).
 */
async function upload(client, ref, artifact, options) {
    const blobs = [[artifact.configDescriptor, artifact.config]];
    for (const layer of artifact.layers)
        blobs.push([layer, layer.digest === artifact.chartDescriptor.digest ? artifact.chart : artifact.provenance]);
    const ask = (d) => options.known || d.size > registry/* SINGLE_POST_MAX */.L$ || options.mountFrom !== undefined;
    let unsent = blobs.length;
    await Promise.all(blobs.map(async ([d, data]) => {
        // A blob's final request may be sent again (a retried upload): it is counted once.
        let sent = false;
        const finalSent = () => {
            if (sent)
                return;
            sent = true;
            if (--unsent === 0)
                options.lastSent();
        };
        if (ask(d) && (await client.hasBlob(ref.repository, d)))
            return finalSent();
        if (options.mountFrom && (await client.mountBlob(ref.repository, d, options.mountFrom)))
            return finalSent();
        await client.uploadBlob(ref.repository, d, data, finalSent);
        finalSent();
    }));
}
/**
 * Writes the manifest, unless asking again found the new tag written meanwhile (then `decide` again),
 * checks the digest the registry reports, and reads the tag back once another run's write would have landed.
 * A write answered with a transient failure is sent again only after the tag is asked once more: the
 * failed one may have landed after all, or let another run's write in meanwhile (decided as above), and
 * the window and the settling wait are those of the write that lands, not of the first attempt.
 */
async function commit(client, ref, artifact, ifExists, check, current, { readBacks, vouch, readBack: when = 'settle' }) {
    const ours = artifact.manifestDescriptor.digest;
    // What the tag held when this run decided to write it: a new tag's answer to asking again.
    let expected = check.isNew ? await check.answer() : current;
    let writtenAt = 0;
    for (;;) {
        const late = expected === undefined || expected === current ? undefined : await decide(client, ref, artifact, ifExists, expected, vouch);
        if (late)
            return late;
        writtenAt = monotonicMs();
        try {
            await client.pushManifest(ref.repository, ref.tag, artifact.manifest, media_types/* MediaType */.z.manifest, {}, async () => {
                const now = await client.resolveTag(ref.repository, ref.tag, true);
                if (now === ours)
                    throw new WriteLanded();
                if (now !== expected)
                    throw new WrittenMeanwhile(now);
                check.at = writtenAt = monotonicMs();
            });
        }
        catch (err) {
            if (err instanceof WriteLanded)
                break;
            if (!(err instanceof WrittenMeanwhile))
                throw err;
            expected = err.digest;
            check.at = monotonicMs();
            continue;
        }
        break;
    }
    // The registry's reported digest is checked against the bytes sent (a registry that rewrote them is refused).
    // Another run that checked the tag before this write may still write it after: within about as long
    // as this run took from its check to its write. The tag is read back once that long has passed since
    // the write went out (its own round trip counts), so of two runs that both wrote, the one replaced
    // says so instead of "pushed".
    // At least SETTLE_MIN_MS after the write's answer too: the margin for a racer descheduled on a busy machine.
    const settled = when === 'now' ? 0 : Math.max(writtenAt + settleTime(writtenAt - check.at), monotonicMs() + SETTLE_MIN_MS);
    const readBack = (async () => {
        if (settled > 0)
            await (0,retry/* sleep */.yy)(Math.max(0, settled - monotonicMs()));
        const after = await client.resolveTag(ref.repository, ref.tag, true);
        if (after !== ours) {
            throw new errors/* UserError */.yo(`${ref.registry}/${ref.repository}:${ref.tag} was written by another run at the same time: it now holds ${after ?? 'nothing'}, not this build's ${ours}`, { hint: 'Run again: the tag is then compared with what is there, and if-exists decides' });
        }
    })();
    if (readBacks) {
        // Safe: the caller that asked for `readBacks` awaits every one of them and reports its failure.
        readBack.catch(() => { });
        readBacks.push(readBack);
    }
    else
        await readBack;
    return { status: 'pushed', digest: ours };
}
/** A write answered with a transient failure had landed after all: the tag holds this build. */
class WriteLanded extends Error {
}
/** Before a write was sent again, the tag was found written by someone else: decided again. */
class WrittenMeanwhile extends Error {
    digest;
    constructor(digest) {
        super('the tag was written meanwhile');
        this.digest = digest;
    }
}
/**
 * Settling waits 1.5 times the check-to-write time from the write (a slower racer's margin), at most
 * SETTLE_MAX_MS, and at least SETTLE_MIN_MS after the write's answer.
 */
const SETTLE_MIN_MS = 50;
const SETTLE_MAX_MS = 5000;
/** How long after the write went out to read back, for a run whose check-to-write window was `windowMs`. */
function settleTime(windowMs) {
    return Math.min(SETTLE_MAX_MS, Math.ceil(windowMs * 1.5));
}
/** What to do about a tag that holds `current`: nothing (the same chart), skip, fail, or undefined (write). */
async function decide(client, ref, artifact, ifExists, current, vouch) {
    const ours = artifact.manifestDescriptor.digest;
    if (current === ours)
        return { status: 'unchanged', digest: ours };
    if (current === undefined)
        return undefined;
    // Only `fail` shows why they differ; skip and overwrite need to know only whether they do.
    const compared = await (0,same_chart/* compareWithRegistry */.L)(client, ref.repository, current, artifact, { explain: ifExists === 'fail', vouch });
    if (compared.same)
        return { status: 'unchanged', digest: current, existing: compared.artifact };
    if (ifExists === 'skip')
        return { status: 'skipped', digest: current };
    if (ifExists === 'fail') {
        const theirs = compared.chartDigest ? ` (chart ${compared.chartDigest})` : '';
        throw new errors/* UserError */.yo(`${ref.registry}/${ref.repository}:${ref.tag} already holds ${current}${theirs}, and this build is ${ours} (chart ${artifact.chartDescriptor.digest}): ${compared.why}`, {
            hint: 'A published version is immutable: bump the chart version, or set if-exists to skip (keep what is there) or overwrite (replace it)',
        });
    }
    return undefined;
}
/**
 * What the tag holds now, asked as soon as the chart's name and version are known, so that the round
 * trips overlap packaging; `pushArtifact` takes the answer. Asked with a push scope, or a pull scope for a
 * plan (it only reads). A failure surfaces when it is awaited.
 */
function lookUpTag(client, ref, push = true) {
    const answer = Promise.resolve(client).then((c) => c.resolveTag(ref.repository, ref.tag, push));
    // Safe: the caller hands this promise to `pushArtifact` (or a plan), which awaits it and reports its failure
    // (a chart that fails to package first reports that instead).
    answer.catch(() => { });
    return answer;
}


/***/ }),

/***/ 19217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  credentialSourceLine: () => (/* binding */ credentialSourceLine),
  openRegistries: () => (/* binding */ openRegistries)
});

// EXTERNAL MODULE: ./src/oci/basic-auth.ts
var basic_auth = __webpack_require__(13634);
// EXTERNAL MODULE: ./src/oci/credentials.ts
var credentials = __webpack_require__(22559);
// EXTERNAL MODULE: ./src/oci/http.ts + 1 modules
var oci_http = __webpack_require__(25232);
// EXTERNAL MODULE: ./src/oci/registry.ts + 2 modules
var registry = __webpack_require__(9458);
// EXTERNAL MODULE: ./src/oci/retry.ts
var retry = __webpack_require__(49963);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/bounded-read.ts
var bounded_read = __webpack_require__(34282);
// EXTERNAL MODULE: ./src/util/yaml-lib.ts
var yaml_lib = __webpack_require__(63235);
;// CONCATENATED MODULE: ./src/release/repositories.ts






/** Helm's repositories.yaml: $HELM_REPOSITORY_CONFIG, else $HELM_CONFIG_HOME, else the XDG config home. */
function helmRepositoriesPath(env = process.env, platform = process.platform) {
    return env.HELM_REPOSITORY_CONFIG || external_node_path_default().join((0,credentials/* helmConfigHome */.Ep)(env, platform), 'repositories.yaml');
}
/**
 * The credentials `helm repo add --username --password` stored for a chart repository, matched by
 * its URL as Helm matches a dependency's repository (trailing slashes aside).
 */
async function repositoryCredential(url, env = process.env) {
    let text;
    try {
        text = await (0,promises_.readFile)(helmRepositoriesPath(env), 'utf8');
    }
    catch (err) {
        if ((0,errors/* fsCode */.r0)(err) === 'ENOENT')
            return undefined;
        throw err;
    }
    await (0,yaml_lib/* loadYaml */.yv)();
    const doc = (0,bounded_read/* readYaml */.gM)(text, bounded_read/* CHART_YAML_BOUNDS */.xW);
    const want = url.replace(/\/+$/, '');
    const entry = (doc?.repositories ?? []).find((r) => (r.url ?? '').replace(/\/+$/, '') === want);
    return entry?.username && entry.password ? { username: entry.username, password: entry.password } : undefined;
}

;// CONCATENATED MODULE: ./src/release/registries.ts






/** What either face says of a registry reached without its given login: anonymously, or with the stored credentials of `source`. */
function credentialSourceLine(registry, source) {
    return source === 'anonymous'
        ? `No credentials for ${registry}: pushing anonymously`
        : `Using the stored credentials for ${registry} from ${source}`;
}
/** How long a request of the anonymous client may take: it asks whether a stranger can read, nothing more. */
const ANONYMOUS_TIMEOUT_SECONDS = 10;
/** The one place registry clients are made. */
function openRegistries(options = {}) {
    const http = new oci_http/* Http */.lw({
        ca: options.ca,
        insecure: options.insecure,
        timeoutMs: options.timeoutSeconds !== undefined ? options.timeoutSeconds * 1000 : undefined,
    });
    const policy = (0,retry/* retryPolicy */.Jb)(options.retries, options.timeoutSeconds);
    const clients = new Map();
    const connect = async (host, say) => {
        const given = options.credentialFor?.(host);
        const found = given ? undefined : await (0,credentials/* findCredential */.L4)(host);
        const credential = given ?? found?.credential;
        // Stored credentials (Helm's, Docker's, a helper's) are as secret as given ones: told before any request.
        const stored = found?.credential;
        if (stored && 'password' in stored) {
            options.onSecret?.(stored.password, 'stored');
            options.onSecret?.((0,basic_auth/* basicToken */.a)(stored.username, stored.password), 'stored');
        }
        else if (stored)
            options.onSecret?.(stored.identityToken, 'stored');
        const client = new registry/* RegistryClient */.bP(http, host, {
            plainHttp: options.plainHttp,
            tokenHosts: options.tokenHosts,
            credential,
            policy,
            log: options.log,
            onSecret: (secret) => options.onSecret?.(secret, 'registry'),
        });
        await options.onConnect?.(client, given ? 'given' : (found?.source ?? 'anonymous'), say);
        return client;
    };
    const client = (host, say = () => { }) => {
        let made = clients.get(host);
        if (!made) {
            made = connect(host, say);
            clients.set(host, made);
        }
        return made;
    };
    return {
        http,
        client,
        access: (say) => ({
            http,
            plainHttp: options.plainHttp,
            client: (host) => client(host, say),
            // The credential given for a registry's host serves a chart repository on that host too.
            repositoryCredential: async (url) => (await repositoryCredential(url)) ?? options.credentialFor?.(new URL(url).host),
        }),
        anonymous: (host) => new registry/* RegistryClient */.bP(http, host, {
            plainHttp: options.plainHttp,
            tokenHosts: options.tokenHosts,
            // It only informs: tried once more at most, within ANONYMOUS_TIMEOUT_SECONDS a try, so a host
            // that never answers costs the step seconds, not twice the run's timeout.
            policy: (0,retry/* retryPolicy */.Jb)(Math.min(1, options.retries ?? 1), Math.min(options.timeoutSeconds ?? retry/* DEFAULT_TIMEOUT_SECONDS */.KU, ANONYMOUS_TIMEOUT_SECONDS)),
            log: options.log,
            onSecret: (secret) => options.onSecret?.(secret, 'registry'),
        }),
        close: () => http.close(),
    };
}


/***/ }),

/***/ 89823:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BT: () => (/* binding */ describeLines),
/* harmony export */   nH: () => (/* binding */ loweredLine),
/* harmony export */   qx: () => (/* binding */ outcomeLines)
/* harmony export */ });
/* harmony import */ var _util_human_size_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(78887);
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41095);


/** The block `helm chart save` and `helm chart push` (Helm 3.0\u20133.6) print: ref, digest (the manifest's), size (the chart's), name, version. */
function describeLines(refName, c) {
    const rows = [
        ['ref', (0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g)(refName)],
        ['digest', c.artifact.manifestDescriptor.digest],
        ['size', (0,_util_human_size_js__WEBPACK_IMPORTED_MODULE_1__/* .humanSize */ .X)(c.artifact.chart.length)],
        ['name', (0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g)(c.name)],
        ['version', (0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g)(c.version)],
    ];
    // Aligned as the seed prints them, the values in one column.
    return rows.map(([label, value]) => `${label}:`.padEnd(9) + value);
}
/**
 * The last line of `helm chart push` (Helm 3.0\u20133.6): `<tag>: pushed to remote (N layers, SIZE total)`, or
 * what happened instead, naming the digest that stands and, when it is the registry's copy, saying so.
 */
function pushLine(o) {
    const digest = o.artifact.manifestDescriptor.digest;
    if (o.status === 'saved')
        return `${o.tag}: saved`;
    if (o.status === 'pushed') {
        const layers = o.artifact.layers;
        const total = layers.reduce((n, l) => n + l.size, 0);
        return `${o.tag}: pushed to remote (${layers.length} layer${layers.length === 1 ? '' : 's'}, ${(0,_util_human_size_js__WEBPACK_IMPORTED_MODULE_1__/* .humanSize */ .X)(total)} total)`;
    }
    if (o.status === 'unchanged')
        return o.from === 'registry'
            ? `${o.tag}: unchanged (the registry already holds the same chart: ${digest}, pushed by another tool)`
            : `${o.tag}: unchanged (the registry already holds ${digest})`;
    return `${o.tag}: skipped (the tag holds ${digest}; if-exists: skip)`;
}
/** A target's whole block, as every face prints it: what stands (ref, digest, size, name, version), then what happened. */
function outcomeLines(o, c) {
    return [...describeLines(o.refName, { artifact: o.artifact, name: c.name, version: c.version }), pushLine(o)];
}
/** What a reference whose repository path held capitals became (OCI names are lower case): said, never silent. */
function loweredLine(given, repository) {
    return `The repository path ${JSON.stringify(given)} was lower-cased to ${JSON.stringify(repository)}: OCI repository names are lower case.`;
}


/***/ }),

/***/ 82047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  L: () => (/* binding */ compareWithRegistry)
});

// EXTERNAL MODULE: ./src/chart/chart.ts
var chart_chart = __webpack_require__(18892);
// EXTERNAL MODULE: ./src/chart/load.ts + 3 modules
var load = __webpack_require__(20185);
// EXTERNAL MODULE: ./src/chart/load-archive.ts + 1 modules
var load_archive = __webpack_require__(75189);
// EXTERNAL MODULE: ./src/chart/package.ts + 1 modules
var chart_package = __webpack_require__(12353);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/artifact/media-types.ts
var media_types = __webpack_require__(86690);
// EXTERNAL MODULE: ./src/artifact/fetch-budget.ts
var fetch_budget = __webpack_require__(28466);
// EXTERNAL MODULE: ./src/artifact/parse.ts
var parse = __webpack_require__(72781);
// EXTERNAL MODULE: ./src/util/quoted.ts
var quoted = __webpack_require__(59202);
;// CONCATENATED MODULE: ./src/artifact/unaccounted.ts


/** The fields of an image manifest and of a descriptor that this build writes. */
const MANIFEST_FIELDS = new Set(['schemaVersion', 'mediaType', 'config', 'layers', 'annotations']);
const DESCRIPTOR_FIELDS = new Set(['mediaType', 'digest', 'size']);
/** A creation time is an RFC 3339 date-time (the image spec's rule for it), not a place for other text. */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
/** Names a message lists at most, each cut: the manifest is the registry's text. */
const MOST = 8;
/**
 * What a signature of the registry's manifest `theirs` would cover that this build (`ours`) did not
 * make, for a manifest that holds the same chart (the same config, the same files: checked before):
 * a field or a descriptor's field this build does not write (`subject`, `urls`, a layer's
 * annotations), a chart layer of another media type, and each annotation whose value is not this
 * build's. What it lacks claims nothing, and its creation time (an RFC 3339 time) is when it was pushed, not content;
 * the layers' bytes are the comparison's to account for (the same files), the provenance layer the
 * caller's (whose key signed it). Empty when every part is accounted for.
 */
function unaccountedParts(theirs, chartLayer, ours) {
    const parts = [];
    const extra = (o, allowed) => Object.keys(o).filter((k) => !allowed.has(k));
    const fields = extra(theirs, MANIFEST_FIELDS);
    if (fields.length > 0)
        parts.push(`its manifest has ${names('field', fields)} this build does not write`);
    const descriptors = [theirs.config, ...theirs.layers].flatMap((d) => extra(d, DESCRIPTOR_FIELDS));
    if (descriptors.length > 0)
        parts.push(`its descriptors have ${names('field', [...new Set(descriptors)])} this build does not write`);
    if (chartLayer.mediaType !== ours.chartDescriptor.mediaType)
        parts.push(`its chart layer is ${(0,quoted/* quoted */.T)(chartLayer.mediaType, 80)}, not ${ours.chartDescriptor.mediaType} as this build writes it`);
    const mine = JSON.parse(ours.manifest.toString('utf8')).annotations ?? {};
    const annotations = theirs.annotations;
    if (annotations !== undefined && (typeof annotations !== 'object' || annotations === null || Array.isArray(annotations)))
        parts.push('its annotations are not a map of strings');
    else if (annotations) {
        const differ = Object.entries(annotations)
            .filter(([k, v]) => (k === media_types/* Annotation */.Y.created ? typeof v !== 'string' || !RFC_3339.test(v) : v !== mine[k]))
            .map(([k]) => k);
        if (differ.length > 0)
            parts.push(`${names('annotation', differ)} ${differ.length === 1 ? 'is' : 'are'} not this build's`);
    }
    return parts;
}
/** `annotation a`, `annotations a, b and 3 more`: each name quoted if it needs to be, cut, listed up to MOST. */
function names(kind, list) {
    const shown = list.slice(0, MOST).map((k) => (/^[\w./-]{1,100}$/.test(k) ? k : (0,quoted/* quoted */.T)(k, 100)));
    const more = list.length > MOST ? ` and ${list.length - MOST} more` : '';
    return `${kind}${list.length === 1 ? '' : 's'} ${shown.join(', ')}${more}`;
}

;// CONCATENATED MODULE: ./src/util/json-duplicates.ts
/**
 * The first key that a JSON text's object holds twice, as "config" or "layers[0].mediaType", or
 * undefined. JavaScript's JSON.parse keeps a key's last value; Go's encoding/json merges an object given
 * twice into one (both sets of a map's entries) and reuses a list's elements: two readers of one
 * manifest would see two manifests. The text is taken to be JSON already parsed (bounded) by the caller.
 */
function duplicateJsonKey(text) {
    const stack = [];
    let expectKey = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"') {
            let j = i + 1;
            while (text[j] !== '"')
                j += text[j] === '\\' ? 2 : 1;
            const top = stack.at(-1);
            if (expectKey && top?.keys) {
                const key = JSON.parse(text.slice(i, j + 1));
                if (top.keys.has(key))
                    return `${top.path}${top.path ? '.' : ''}${key}`;
                top.keys.add(key);
                top.key = key;
                expectKey = false;
            }
            i = j;
        }
        else if (c === '{' || c === '[') {
            const top = stack.at(-1);
            const path = top === undefined ? '' : top.keys ? `${top.path}${top.path ? '.' : ''}${top.key}` : `${top.path}[${top.index}]`;
            stack.push(c === '{' ? { keys: new Set(), path, index: 0 } : { path, index: 0 });
            expectKey = c === '{';
        }
        else if (c === '}' || c === ']') {
            stack.pop();
        }
        else if (c === ',') {
            const top = stack.at(-1);
            if (top?.keys)
                expectKey = true;
            else if (top)
                top.index++;
        }
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/util/bounded-read.ts
var bounded_read = __webpack_require__(34282);
;// CONCATENATED MODULE: ./src/release/same-chart.ts











/**
 * Whether the manifest `digest` in `repository` holds the same chart as `ours` although the manifests
 * differ: the same metadata (config blob) and the same files once loaded as Helm loads them (Chart.yaml
 * compared by its metadata), whatever the archive's timestamps, gzip settings, annotations or the tool
 * that pushed it. When it does, `artifact` is what the registry holds, so that the digests reported
 * are the ones a pull gets. The existing chart is downloaded only when the configs are equal and the
 * layers differ; what cannot be read as a chart is simply not the same.
 *
 * When this run signs (`vouch`), the same content is not enough: every part of the registry's copy a
 * signature would cover must be this build's own (unaccountedParts; a provenance file made by this
 * key), else it is named as a difference like any other.
 */
async function compareWithRegistry(client, repository, digest, ours, { explain = true, vouch } = {}) {
    const { body } = await client.fetchManifest(repository, digest);
    let parsed;
    try {
        parsed = (0,parse/* parseChartManifest */.j$)(body, `${repository}@${digest}`);
    }
    catch (err) {
        if (err instanceof errors/* UserError */.yo)
            return { same: false, why: `it holds no Helm chart (${err.message})` };
        throw err;
    }
    const { manifest, chartLayer, provLayer } = parsed;
    // One budget for every blob this comparison downloads (checked from the descriptors, before each fetch).
    const budget = new fetch_budget/* FetchBudget */.q(`${repository}@${digest}`);
    // Every difference is named at once (a provenance file, the metadata and the files), so that one fix is enough.
    const whys = [];
    if (ours.provenance && !provLayer)
        whys.push('this build adds a provenance file');
    const ourProv = ours.layers.find((l) => l.mediaType === media_types/* MediaType */.z.provenance);
    const unaccounted = vouch?.manifest ? unaccountedParts(manifest, chartLayer, ours) : [];
    if (vouch?.manifest && provLayer && !vouch.provenance && provLayer.digest !== ourProv?.digest)
        unaccounted.push('it carries a provenance file this build did not make');
    // A signature covers the manifest's bytes: a key given twice is read one way here and another by Go's readers.
    const twice = vouch?.manifest ? duplicateJsonKey(body.toString('utf8')) : undefined;
    if (twice)
        unaccounted.push(`its manifest gives ${twice} twice (Go's readers and this one keep different values)`);
    const sameConfig = manifest.config.digest === ours.configDescriptor.digest;
    // The same blob under a size it does not have: a pull checks the size, and fails (helm 4 does).
    for (const [d, mine, what] of [
        [manifest.config, ours.configDescriptor, 'config'],
        [chartLayer, ours.chartDescriptor, 'chart layer'],
    ])
        if (d.digest === mine.digest && d.size !== mine.size)
            whys.push(`its ${what} descriptor says ${d.size} bytes, and the ${what} is ${mine.size} (a pull of it fails)`);
    if (!explain && (whys.length > 0 || !sameConfig || unaccounted.length > 0))
        return { same: false, why: whys[0] ?? (sameConfig ? vouched(unaccounted) : 'its metadata differs'), chartDigest: chartLayer.digest };
    if (!sameConfig)
        whys.push(await metadataDifference(client, repository, manifest.config, ours, budget));
    let chart = ours.chart;
    if (chartLayer.digest !== ours.chartDescriptor.digest) {
        if (chartLayer.size > chart_chart/* MAX_CHART_BYTES */.it)
            whys.push(`its chart layer (${chartLayer.size} bytes) is too large to compare`);
        else {
            budget.take(chartLayer);
            chart = await client.fetchBlob(repository, chartLayer);
            // Chart.yaml is written from the metadata: a metadata difference already names it.
            const why = await filesDifference(chart, ours.chart, sameConfig ? undefined : /(^|\/)Chart\.yaml \(changed\)$/);
            if (why)
                whys.push(why);
            // A signature covers the archive's bytes: its files as written, not as this build reads them
            // (a Chart.yaml key this reading and Helm's could take apart would otherwise pass).
            else if (vouch?.manifest) {
                const written = await writtenDifference(chart, ours.chart);
                if (written)
                    unaccounted.push(`its chart's files as written are not this build's (${written})`);
            }
        }
    }
    if (unaccounted.length > 0)
        whys.push(vouched(unaccounted));
    if (whys.length > 0)
        return { same: false, why: whys.join('; '), chartDigest: chartLayer.digest };
    let provenance;
    if (provLayer) {
        if (provLayer.size > fetch_budget/* MAX_SMALL_BLOB */.v)
            return { same: false, why: 'its provenance layer is too large', chartDigest: chartLayer.digest };
        if (provLayer.digest === ourProv?.digest)
            provenance = ours.provenance;
        else {
            budget.take(provLayer);
            provenance = await client.fetchBlob(repository, provLayer);
            const notOurs = await vouch?.provenance?.(provenance, chart);
            if (notOurs)
                return { same: false, why: vouched([`its provenance file ${notOurs}`]), chartDigest: chartLayer.digest };
        }
    }
    return {
        same: true,
        artifact: {
            config: ours.config,
            chart,
            provenance,
            manifest: body,
            configDescriptor: manifest.config,
            chartDescriptor: chartLayer,
            manifestDescriptor: { mediaType: media_types/* MediaType */.z.manifest, digest, size: body.length },
            layers: manifest.layers,
        },
    };
}
/** The parts a signature by this run would cover that this build did not make, said as one difference. */
function vouched(parts) {
    return `this run signs what it publishes, and the registry's copy holds what this build did not make: ${parts.join('; ')}`;
}
/** Which metadata fields differ, for the error that names them. */
async function metadataDifference(client, repository, config, ours, budget) {
    if (config.size > fetch_budget/* MAX_SMALL_BLOB */.v)
        return 'its metadata differs';
    budget.take(config);
    let theirs;
    try {
        theirs = (0,bounded_read/* readJson */.Vh)((await client.fetchBlob(repository, config)).toString('utf8'), parse/* CONFIG_JSON */.Y6);
    }
    catch (err) {
        if (err instanceof SyntaxError || err instanceof bounded_read/* BoundsError */.UI)
            return 'its config is not JSON';
        throw err;
    }
    const mine = JSON.parse(ours.config.toString('utf8'));
    const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter((k) => JSON.stringify(mine[k]) !== JSON.stringify(theirs[k]));
    return keys.length > 0 ? `Chart.yaml differs: ${listed(keys)}` : 'its metadata is written differently';
}
/** The files of two archives as they are written (no file read into a chart and written again): which differ; '' when none. */
async function writtenDifference(theirs, ours) {
    const [a, b] = await Promise.all([(0,load_archive/* readChartArchive */.h)(theirs, 'the registry\u2019s chart'), (0,load_archive/* readChartArchive */.h)(ours, 'this build')]);
    const mine = new Map(b.map((f) => [f.name, f.data]));
    const changed = a.filter((f) => !mine.get(f.name)?.equals(f.data)).map((f) => f.name);
    const theirNames = new Set(a.map((f) => f.name));
    changed.push(...b.filter((f) => !theirNames.has(f.name)).map((f) => `${f.name} (missing)`));
    return changed.length > 0 ? listed(changed) : '';
}
/** The first differences between two packaged charts, file by file as Helm loads them; '' when none. */
async function filesDifference(theirs, ours, unnamed) {
    let theirFiles;
    try {
        theirFiles = await chartFiles(theirs, 'the registry\u2019s chart');
    }
    catch (err) {
        if (err instanceof errors/* UserError */.yo)
            return `its chart cannot be read (${err.message})`;
        throw err;
    }
    const ourFiles = await chartFiles(ours, 'this build');
    const changed = [];
    for (const [name, data] of ourFiles) {
        const other = theirFiles.get(name);
        if (!other)
            changed.push(`${name} (added)`);
        else if (!other.equals(data))
            changed.push(`${name} (changed)`);
    }
    for (const name of theirFiles.keys())
        if (!ourFiles.has(name))
            changed.push(`${name} (removed)`);
    const shown = unnamed ? changed.filter((c) => !unnamed.test(c)) : changed;
    return shown.length > 0 ? `files differ: ${listed(shown)}` : '';
}
/** A packaged chart's files as `helm package` would write them again (Chart.yaml from its metadata). */
async function chartFiles(archive, origin) {
    const chart = await (0,load/* loadArchiveChart */.L)(archive, origin);
    return new Map((await (0,chart_package/* archiveEntries */.x)(chart)).map((e) => [e.name, Buffer.from(e.data)]));
}
function listed(items, most = 5) {
    return items.length <= most ? items.join(', ') : `${items.slice(0, most).join(', ')} and ${items.length - most} more`;
}


/***/ }),

/***/ 11144:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ saveToCache)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _oci_layout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25823);


/** Saves an artifact into the cache (blobs first, then the index entry) \u2014 Helm 3.0\u20133.6's `helm chart save`. */
async function saveToCache(cacheDir, refName, artifact) {
    const layout = new _oci_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .Layout */ .PE(cacheDir);
    try {
        const blobs = [artifact.config, artifact.chart, ...(artifact.provenance ? [artifact.provenance] : []), artifact.manifest];
        await layout.save(refName, artifact.manifestDescriptor, blobs);
    }
    catch (err) {
        // A UserError (a damaged cache file, a folder leading outside the cache) already says what to do.
        const code = err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo ? undefined : (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .fsCode */ .r0)(err);
        if (code) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`cannot write the chart cache (${err.message})`, {
                where: layout.root,
                hint: 'Use a writable folder for the cache',
                code: 'cache-unwritable',
                cause: err,
            });
        }
        throw err;
    }
}


/***/ }),

/***/ 90175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ SIGNATURE_FORMATS),
/* harmony export */   j: () => (/* binding */ DEFAULT_SIGNATURE_FORMAT)
/* harmony export */ });
const SIGNATURE_FORMATS = ['bundle', 'classic', 'both'];
const DEFAULT_SIGNATURE_FORMAT = 'both';


/***/ }),

/***/ 92227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ startSigner)
/* harmony export */ });
/**
 * Starts the signing work as soon as the inputs are read: OpenPGP loads and the key is unlocked (its
 * passphrase's S2K is the costly part) while the charts are read and the registry answers; `sign`
 * then only signs. (A worker thread was measured slower for a small chart: a second isolate and a
 * second load of the bundle cost more than the overlap wins.)
 */
function startSigner(options) {
    const unlocked = __webpack_require__.e(/* import() */ 863).then(__webpack_require__.bind(__webpack_require__, 31863)).then((m) => m.unlockSigningKey(options));
    // Safe: every `sign` awaits this same promise and reports its failure (a wrong passphrase); a run
    // that never signs (every chart failed first) has that failure to report instead.
    unlocked.catch(() => { });
    return {
        sign: async (message, date) => (await unlocked).sign(message, date),
        fingerprint: async () => (await unlocked).fingerprint,
        notOwn: async (provenance, archive, chart) => {
            const { fingerprint } = await unlocked;
            const { archiveName, notOwnProvenance } = await __webpack_require__.e(/* import() */ 863).then(__webpack_require__.bind(__webpack_require__, 31863));
            return notOwnProvenance(provenance, archive, archiveName(chart), options.keys, fingerprint);
        },
    };
}


/***/ }),

/***/ 95105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ removeOrphans),
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/**
 * Writes a file so that readers see the old content or the new, never a part: a temporary file in
 * `stagingDir` (the target's folder by default, so the rename stays on one file system), flushed,
 * then renamed over the target.
 */
async function writeFileAtomic(target, data, options = {}) {
    const dir = options.stagingDir ?? node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(target);
    await removeOrphans(dir, node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(target));
    const temp = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, `.${node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(target)}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(temp, 'wx', options.mode ?? 0o644);
    try {
        await handle.writeFile(data);
        await handle.sync();
    }
    catch (err) {
        await handle.close();
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true });
        throw err;
    }
    await handle.close();
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, target);
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true });
        throw err;
    }
}
/** A temporary file this old is left over whatever its process id says (the id may have been reused). */
const ORPHAN_AGE_MS = 60_000;
/**
 * Removes temporary files of earlier writes of `target` (`.<name>.<pid>.<hex>.tmp` in `dir`) whose
 * process is gone, or that are older than a minute (a write takes milliseconds; a process id may be
 * reused by another process): killed between write and rename, they may hold what the target holds
 * (a credential file's auth), so they do not stay behind.
 */
async function removeOrphans(dir, base) {
    let names;
    try {
        names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir);
    }
    catch {
        return;
    }
    const prefix = `.${base}.`;
    for (const name of names) {
        if (!name.startsWith(prefix) || !name.endsWith('.tmp'))
            continue;
        const pid = Number(/^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length))?.[1]);
        if (!pid)
            continue;
        const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, name);
        if ((pid !== process.pid && !alive(pid)) || (await ageMs(file)) > ORPHAN_AGE_MS)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file, { force: true });
    }
}
async function ageMs(file) {
    const s = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file).catch(() => undefined);
    return s ? Date.now() - s.mtimeMs : 0;
}
function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        return err.code === 'EPERM';
    }
}


/***/ }),

/***/ 34282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UI: () => (/* binding */ BoundsError),
/* harmony export */   Vh: () => (/* binding */ readJson),
/* harmony export */   gM: () => (/* binding */ readYaml),
/* harmony export */   v: () => (/* binding */ parseYamlDocuments),
/* harmony export */   xW: () => (/* binding */ CHART_YAML_BOUNDS)
/* harmony export */ });
/* unused harmony export checkYamlBounds */
/* harmony import */ var _util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(63235);

/** What a chart's YAML files may hold: 50,000 nodes keep a check within about 80 MiB. */
const CHART_YAML_BOUNDS = { maxBytes: 5 * 1024 * 1024, maxNodes: 50_000, maxDepth: 256, maxAliases: 1000 };
/** A text past its bounds, or nested deeper than the parser can follow. */
class BoundsError extends Error {
}
/** Throws BoundsError at the first bound a JSON text passes (strings skipped, nothing built). */
function checkJsonBounds(text, bounds) {
    if (text.length > bounds.maxBytes)
        throw new BoundsError(`is ${text.length} bytes, over the ${bounds.maxBytes}-byte bound`);
    let nodes = 1;
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22) {
            // A string: skipped to its closing quote.
            for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++)
                if (text.charCodeAt(i) === 0x5c)
                    i++;
            continue;
        }
        if (c === 0x7d || c === 0x5d)
            depth--;
        // `{`, `[`, `,` and `:` each start a value.
        if (c !== 0x7b && c !== 0x5b && c !== 0x2c && c !== 0x3a)
            continue;
        if (++nodes > bounds.maxNodes)
            throw new BoundsError(`holds more than ${bounds.maxNodes} JSON values`);
        if ((c === 0x7b || c === 0x5b) && ++depth > bounds.maxDepth)
            throw new BoundsError(`nests deeper than ${bounds.maxDepth} levels`);
    }
}
/** JSON.parse within bounds: BoundsError past them, SyntaxError for what is not JSON. */
function readJson(text, bounds) {
    checkJsonBounds(text, bounds);
    return JSON.parse(text);
}
const SCALAR = '\u001f';
const DOCUMENT = '\u0002';
const OPENS = new Set(['[', '{']);
const CLOSES = new Set([']', '}']);
/** Throws BoundsError at the first bound `text` passes, having read no further. */
function checkYamlBounds(text, bounds) {
    if (text.length > bounds.maxBytes)
        throw new BoundsError(`is ${text.length} bytes, over the ${bounds.maxBytes}-byte bound`);
    let nodes = 0;
    let aliases = 0;
    let flow = 0;
    /** Block indentations open on the way to this line, and the indicators (`-`, `?`) on it. */
    const indents = [];
    let onLine = 0;
    let lineStart = true;
    // Every token but a run of spaces is something the parser holds or reports on (a comma, a `:`, an
    // anchor, a tag, a comment, a line): at most four per node a file may have. A stray `]` or `}`
    // (outside any flow collection) is an error the parser reports once each, at a cost that grows with
    // the text: the first is refused here.
    const maxTokens = bounds.maxNodes * 4;
    let tokens = 0;
    let properties = 0;
    let previous = '';
    for (const token of new ((0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .yaml */ .oQ)().Lexer)().lex(text)) {
        if (!/^ +$/.test(token) && ++tokens > maxTokens)
            throw new BoundsError(`holds more than ${maxTokens} YAML tokens (indicators, properties, comments, lines): the bound Chartlift reads`);
        if (flow === 0 && CLOSES.has(token))
            throw new BoundsError(`has a ${token} that closes nothing: not YAML Chartlift reads`);
        // An empty flow entry (`[,` or `,,`) is an error the parser reports at a cost that grows with the text.
        if (token === ',' && (previous === ',' || OPENS.has(previous)))
            throw new BoundsError('has an empty entry in a flow collection: not YAML Chartlift reads');
        // Anchors and tags are rare in a chart's YAML; many, or several on one node, cost the parser dearly.
        if ((token[0] === '&' || token[0] === '!') && ++properties > bounds.maxAliases)
            throw new BoundsError(`holds more than ${bounds.maxAliases} anchors and tags`);
        if (!/^[ \t]*$/.test(token) && token !== '\n')
            previous = token;
        // A document (its start, `---`, `...` or a directive) is an object of its own when parsed: counted.
        if (token === DOCUMENT || token === '---' || token === '...' || token[0] === '%') {
            if (++nodes > bounds.maxNodes)
                throw new BoundsError(`holds more than ${bounds.maxNodes} YAML nodes (documents, keys, values, list items): the bound Chartlift reads`);
        }
        if (token === '\n' || token === DOCUMENT) {
            lineStart = true;
            onLine = 0;
            continue;
        }
        if (lineStart && flow === 0) {
            const indent = /^ +$/.test(token) ? token.length : 0;
            while (indents.length > 0 && indents[indents.length - 1] >= indent)
                indents.pop();
            indents.push(indent);
        }
        lineStart = false;
        if (token === SCALAR || OPENS.has(token) || token === '-' || token === '?' || token[0] === '*') {
            if (++nodes > bounds.maxNodes)
                throw new BoundsError(`holds more than ${bounds.maxNodes} YAML nodes (documents, keys, values, list items): the bound Chartlift reads`);
        }
        if (token[0] === '*' && ++aliases > bounds.maxAliases)
            throw new BoundsError(`holds more than ${bounds.maxAliases} aliases`);
        if (token === '-' || token === '?')
            onLine++;
        if (OPENS.has(token))
            flow++;
        else if (CLOSES.has(token))
            flow = Math.max(0, flow - 1);
        if (flow + indents.length + onLine > bounds.maxDepth)
            throw new BoundsError(`nests deeper than ${bounds.maxDepth} levels`);
    }
}
/** Every document of `text`, its bounds checked first; duplicate keys allowed (the last wins, as Helm reads them). */
function parseYamlDocuments(text, bounds, options = {}) {
    checkYamlBounds(text, bounds);
    try {
        const docs = (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .yaml */ .oQ)().parseAllDocuments(text, { uniqueKeys: false, ...options });
        return Array.isArray(docs) ? docs : [docs];
    }
    catch (err) {
        if (err instanceof RangeError)
            throw new BoundsError(`nests too deeply to be read (${err.message})`);
        throw err;
    }
}
/** The first document of `text` as plain data, within bounds (aliases expanded at most `maxAliases` times). */
function readYaml(text, bounds) {
    const doc = parseYamlDocuments(text, bounds)[0];
    if (!doc)
        return null;
    if (doc.errors.length > 0)
        throw doc.errors[0];
    try {
        return doc.toJS({ maxAliasCount: bounds.maxAliases });
    }
    catch (err) {
        if (err instanceof RangeError)
            throw new BoundsError(`nests too deeply to be read (${err.message})`);
        throw err;
    }
}


/***/ }),

/***/ 48146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ compareBytes)
/* harmony export */ });
/** Compare strings by their UTF-8 bytes, as Go's sort.Strings does (JS `<` compares UTF-16 units). */
function compareBytes(a, b) {
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}


/***/ }),

/***/ 7554:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ errorCodes),
/* harmony export */   p: () => (/* binding */ causes)
/* harmony export */ });
/** An error and the errors under it (`cause`, an AggregateError's `errors`), the one walk of them. */
function causes(err, depth = 5) {
    const out = [];
    for (let e = err, d = 0; e && d < depth; e = e.cause, d++) {
        out.push(e);
        if (e instanceof AggregateError)
            for (const inner of e.errors)
                out.push(...causes(inner, depth - d - 1));
    }
    return out;
}
/** The string `code`s of an error and its causes (Node's and undici's error codes). */
function errorCodes(err) {
    return causes(err).flatMap((e) => {
        const code = e.code;
        return typeof code === 'string' ? [code] : [];
    });
}


/***/ }),

/***/ 98806:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ withFileLock)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _read_regular_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38562);




/**
 * Runs `fn` holding an exclusive lock file (`O_EXCL` create). A lock left by a process that is gone
 * (once it is two seconds old), or older than `staleMs`, is broken. Waits up to `timeoutMs`, then throws.
 * A lock path that holds anything but a regular file (a FIFO, a device link, a folder) is named in an
 * error at once: no holder makes one, and looking into it could wait for ever.
 */
async function withFileLock(lockPath, fn, options = {}) {
    // Holders in this process queue in memory; the file (polled) is for other processes only.
    const previous = queues.get(lockPath) ?? Promise.resolve();
    const turn = previous.then(() => lockFile(lockPath, fn, options));
    const settled = turn.then(() => undefined, () => undefined);
    queues.set(lockPath, settled);
    try {
        return await turn;
    }
    finally {
        if (queues.get(lockPath) === settled)
            queues.delete(lockPath);
    }
}
const queues = new Map();
async function lockFile(lockPath, fn, options) {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const staleMs = options.staleMs ?? 30_000;
    const started = Date.now();
    let delay = 5;
    for (;;) {
        try {
            const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(lockPath, 'wx');
            try {
                await handle.writeFile(String(process.pid));
            }
            catch (err) {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(lockPath, { force: true });
                throw err;
            }
            finally {
                await handle.close();
            }
            break;
        }
        catch (err) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fsCode */ .r0)(err) !== 'EEXIST')
                throw err;
            if (await isStale(lockPath, staleMs)) {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(lockPath, { force: true });
                continue;
            }
            if (Date.now() - started > timeoutMs)
                throw new Error(`timed out waiting for the lock ${lockPath}; if no other process uses the cache, delete that file`);
            await new Promise((r) => setTimeout(r, delay + Math.random() * delay));
            delay = Math.min(delay * 2, 100);
        }
    }
    try {
        return await fn();
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(lockPath, { force: true });
    }
}
/** How old the lock of a process that is gone must be before it is broken (its holders hold it for milliseconds). */
const DEAD_HOLDER_GRACE_MS = 2000;
/** A process id in decimal, with room to spare: a lock file holds nothing else. */
const MAX_LOCK_BYTES = 32;
// Opened without waiting and without following a link: a FIFO or a link swapped in after the look is
// not waited on (the next look names it).
const PEEK = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOCTTY ?? 0);
async function isStale(lockPath, staleMs) {
    let info;
    try {
        info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(lockPath);
    }
    catch {
        return false;
    }
    // Every holder creates a regular file (O_EXCL, which creates no link and follows none). Anything
    // else was put there by something else, and is never a live lock: it is named rather than removed.
    // Removing it would race a waiter that removed it first and took the lock with a file of its own
    // (two holders), and a folder may hold what its maker wants kept. Reading it would wait for a
    // FIFO's writer for ever, or read /dev/zero without end (before this, a FIFO there hung every save
    // past the timeout, and a link to /dev/zero held 1.1 GB).
    if (!info.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`it is ${(0,_read_regular_file_js__WEBPACK_IMPORTED_MODULE_3__/* .kindOf */ .I)(info)}, not a lock file (a process holding the lock makes a plain file)`, {
            where: lockPath,
            hint: 'If no other process is using it, remove it',
        });
    let pid;
    let age;
    try {
        // The pid and the age of one file, the one opened: at most a pid's bytes read.
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(lockPath, PEEK);
        try {
            const st = await handle.stat();
            if (!st.isFile())
                return false;
            const buffer = Buffer.alloc(MAX_LOCK_BYTES + 1);
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
            pid = bytesRead > MAX_LOCK_BYTES ? NaN : Number(buffer.subarray(0, bytesRead).toString('utf8'));
            age = Date.now() - st.mtimeMs;
        }
        finally {
            await handle.close();
        }
    }
    catch {
        return false;
    }
    // A holder that is gone left its lock behind, but only a lock some time old is taken for such: a
    // waiter reads the holder's pid, and by the time it finds that process gone the holder may have
    // released the lock and the next one taken it (a CLI run exits at once). Removing "the stale
    // lock" then would remove that live one, and two writers would lose each other's changes.
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && age > DEAD_HOLDER_GRACE_MS) {
        try {
            process.kill(pid, 0);
        }
        catch (err) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fsCode */ .r0)(err) === 'ESRCH')
                return true;
        }
    }
    return age > staleMs;
}


/***/ }),

/***/ 78887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ humanSize)
/* harmony export */ });
/** Bytes as `helm chart` (Helm 3.0\u20133.6) prints them: `454 B`, `2.4 KiB`, `28.1 KiB`, `1.2 MiB` (one decimal, binary units). */
function humanSize(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(1)} ${units[unit]}`;
}


/***/ }),

/***/ 41095:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ printable),
/* harmony export */   o: () => (/* binding */ printableLine)
/* harmony export */ });
/**
 * What must never reach a terminal or a log raw: every control and format character (C0 and C1
 * controls with ESC, BEL, CR, LF and TAB; the bidi embeddings, overrides, isolates and marks; the
 * zero-width characters; soft hyphens; Unicode's tag characters, which hide text in plain sight),
 * lone surrogates, private-use and unassigned code points, the line and paragraph separators, and
 * the characters that draw nothing but are letters or marks (the Hangul fillers, the Braille blank,
 * the combining grapheme joiner, variation selectors, Khmer's invisible vowels): what makes text read
 * other than it is.
 */
// The class lists combining marks on purpose (each is escaped alone, never as part of a sequence).
const UNPRINTABLE = 
// eslint-disable-next-line no-misleading-character-class
/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\ufe00-\ufe0f\uffa0\u{e0100}-\u{e01ef}]/gu;
/** Text safe to print on a terminal or in a log: one line, every character above written as a \u escape. */
function printable(text) {
    return text.replace(UNPRINTABLE, (c) => {
        const code = c.codePointAt(0);
        return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
    });
}
/**
 * One line of a log, as each face's sink prints it: `printable` (but for TAB, which lays out the
 * CLI's tables), and never read by a GitHub runner as a workflow command (`::` at the start, after
 * blanks, or the legacy `##[` anywhere). The faces' own commands are issued by @actions/core, not
 * through this.
 */
function printableLine(text) {
    return text
        .split('\t')
        .map(printable)
        .join('\t')
        .replace(/^(\s*):/, '$1\\u003a')
        .replace(/##\[/g, '##\\u005b');
}


/***/ }),

/***/ 63235:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cu: () => (/* binding */ yamlIfLoaded),
/* harmony export */   oQ: () => (/* binding */ yaml),
/* harmony export */   yv: () => (/* binding */ loadYaml)
/* harmony export */ });
let lib;
async function loadYaml() {
    return (lib ??= (await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19))).default);
}
/** The library; an error (a path that did not await `loadYaml()`) before it is loaded. */
function yaml() {
    if (!lib)
        throw new Error('the yaml library is used before it was loaded (await loadYaml() first)');
    return lib;
}
/** The library if it is loaded: a value it made is only possible then. */
function yamlIfLoaded() {
    return lib;
}


/***/ }),

/***/ 98681:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ yieldToLoop)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Lets the event loop run between steps of synchronous work, so that a connection started before
 * them is set up and its request written while they run.
 */
function yieldToLoop() {
    return (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setImmediate)();
}


/***/ })

};
