export const id = 10;
export const ids = [10];
export const modules = {

/***/ 9010:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  resolveDependencies: () => (/* binding */ resolveDependencies)
});

// UNUSED EXPORTS: pickVersion

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/oci/credentials.ts
var credentials = __webpack_require__(2559);
// EXTERNAL MODULE: ./src/oci/http.ts + 2 modules
var oci_http = __webpack_require__(7582);
// EXTERNAL MODULE: ./src/oci/registry.ts + 3 modules
var oci_registry = __webpack_require__(5015);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(9217);
;// CONCATENATED MODULE: ./src/release/cached.ts


const CHART_LAYERS = [media_types/* MediaType */.z.chart, media_types/* MediaType */.z.legacyChart];
/** Checks that a manifest is a Helm chart: OCI image manifest, Helm config, one chart layer, nothing unknown. */
function parseChartManifest(body, where) {
    let manifest;
    try {
        manifest = JSON.parse(body.toString('utf8'));
    }
    catch {
        throw new errors/* UserError */.yo('the manifest is not JSON', { where });
    }
    if (manifest.schemaVersion !== 2 || !manifest.config || !Array.isArray(manifest.layers))
        throw new errors/* UserError */.yo('not an OCI image manifest', { where });
    if (manifest.mediaType && manifest.mediaType !== media_types/* MediaType */.z.manifest)
        throw new errors/* UserError */.yo(`not a chart: manifest type ${manifest.mediaType}`, {
            where,
            hint: 'This reference holds something other than a Helm chart',
        });
    if (manifest.config.mediaType !== media_types/* MediaType */.z.config) {
        throw new errors/* UserError */.yo(`not a Helm chart: its config is ${manifest.config.mediaType}`, {
            where,
            hint: 'This reference holds something other than a Helm chart (a container image?)',
        });
    }
    const charts = manifest.layers.filter((l) => CHART_LAYERS.includes(l.mediaType));
    if (charts.length !== 1)
        throw new errors/* UserError */.yo(`a chart needs exactly one chart layer, this one has ${charts.length}`, { where });
    const unknown = manifest.layers.filter((l) => !CHART_LAYERS.includes(l.mediaType) && l.mediaType !== media_types/* MediaType */.z.provenance);
    if (unknown.length > 0)
        throw new errors/* UserError */.yo(`unknown layer type ${unknown[0].mediaType}`, { where, hint: 'Only chart and provenance layers are accepted' });
    return { manifest, chartLayer: charts[0], provLayer: manifest.layers.find((l) => l.mediaType === media_types/* MediaType */.z.provenance) };
}
/** A chart saved in the cache under `refName`, every blob checked against its digest. */
async function readCached(layout, refName) {
    const entry = await layout.resolve(refName);
    if (!entry)
        throw new UserError(`${refName} is not in the cache`, {
            where: layout.root,
            hint: 'See `chartlift chart list`; save or pull it first',
        });
    const raw = await layout.readBlob(entry.digest);
    const { manifest, chartLayer, provLayer } = parseChartManifest(raw, refName);
    const config = await layout.readBlob(manifest.config.digest);
    const chart = await layout.readBlob(chartLayer.digest);
    const provenance = provLayer ? await layout.readBlob(provLayer.digest) : undefined;
    const meta = JSON.parse(config.toString('utf8'));
    return {
        name: meta.name ?? '',
        version: meta.version ?? '',
        artifact: {
            config,
            chart,
            provenance,
            manifest: raw,
            configDescriptor: manifest.config,
            chartDescriptor: chartLayer,
            manifestDescriptor: { mediaType: MediaType.manifest, digest: entry.digest, size: raw.length },
            layers: manifest.layers,
        },
    };
}

// EXTERNAL MODULE: ./src/util/bytes-order.ts
var bytes_order = __webpack_require__(8146);
// EXTERNAL MODULE: ./src/chart/assemble.ts + 1 modules
var assemble = __webpack_require__(2297);
// EXTERNAL MODULE: ./src/chart/load.ts + 4 modules
var load = __webpack_require__(6264);
;// CONCATENATED MODULE: ./src/chart/dependencies.ts














/**
 * Vendors the dependencies Chart.yaml declares and charts/ lacks, as `helm dependency build` would
 * (a Chart.lock's versions win over Chart.yaml's ranges): `oci://` repositories through Chartlift's
 * own client, `http(s)://` chart repositories through their index.yaml (digests checked), `file://`
 * paths from disk; anything else through a helm found on PATH. Nothing is written to the chart folder.
 */
async function resolveDependencies(chart, source, options) {
    const present = new Set(chart.dependencies.map((d) => d.metadata.name));
    const missing = chart.metadata.dependencies.filter((d) => !present.has(d.name));
    if (missing.length === 0)
        return;
    const locked = lockedVersions(chart);
    const http = new oci_http/* Http */.l({ userAgent: 'chartlift' });
    try {
        for (const dep of missing) {
            const wanted = locked.get(dep.name) ?? dep.version;
            const where = `${source}: dependency ${JSON.stringify(dep.name)} (${dep.repository || 'no repository'}, ${wanted || 'any version'})`;
            let sub;
            try {
                if (dep.repository.startsWith('oci://'))
                    sub = await fromOci(http, dep, wanted, where, options);
                else if (/^https?:\/\//.test(dep.repository))
                    sub = await fromIndex(http, dep, wanted, where);
                else if (dep.repository.startsWith('file://'))
                    sub = (await (0,load/* loadChart */.T)(external_node_path_default().resolve(dirOf(source), dep.repository.slice('file://'.length)))).chart;
                else
                    sub = await fromHelm(source, dep, where, options.plainHttp);
            }
            catch (err) {
                if (!(err instanceof errors/* UserError */.yo))
                    throw err;
                throw new errors/* UserError */.yo(`dependency ${JSON.stringify(dep.name)} (${dep.repository || 'no repository'}, ${wanted || 'any version'}) could not be vendored: ${err.message}`, {
                    where: source,
                    hint: err.hint ?? 'Check its repository and version in Chart.yaml, or vendor it into charts/',
                    cause: err,
                });
            }
            options.log(`dependency ${dep.name} ${sub.metadata.version} vendored from ${dep.repository || 'helm'}`);
            chart.dependencies.push({ ...sub, origin: `${sub.metadata.name}-${sub.metadata.version}.tgz` });
        }
    }
    finally {
        await http.close();
    }
    chart.dependencies.sort((a, b) => (0,bytes_order/* compareBytes */.X)(a.origin ?? a.metadata.name, b.origin ?? b.metadata.name));
    (0,assemble/* checkDependencies */.q)(chart, source);
}
function dirOf(source) {
    return source.endsWith('.tgz') ? external_node_path_default().dirname(source) : source;
}
function lockedVersions(chart) {
    const out = new Map();
    if (!chart.lock)
        return out;
    const lock = dist.parse(chart.lock.toString('utf8'));
    for (const d of lock?.dependencies ?? [])
        if (d.name && d.version)
            out.set(d.name, d.version);
    return out;
}
/** The highest version satisfying a Helm constraint (commas are ANDs, as in Masterminds/semver). */
function pickVersion(versions, constraint) {
    const range = constraint.trim() === '' ? '*' : constraint.replaceAll(',', ' ');
    const valid = versions.filter((v) => semver_default().valid(v));
    if (valid.includes(constraint.trim()))
        return constraint.trim();
    return semver_default().maxSatisfying(valid, range, { includePrerelease: /-/.test(range) }) ?? undefined;
}
async function fromOci(http, dep, wanted, where, options) {
    const rest = dep.repository.slice('oci://'.length).replace(/\/+$/, '');
    const registry = rest.split('/')[0];
    const repository = `${rest.split('/').slice(1).join('/')}${rest.includes('/') ? '/' : ''}${dep.name}`;
    const found = await (0,credentials/* findCredential */.L4)(registry);
    const client = new oci_registry/* RegistryClient */.bP(http, registry, { plainHttp: options.plainHttp, credential: found?.credential });
    const tags = await client.listTags(repository);
    const version = pickVersion(tags.map((t) => t.replaceAll('_', '+')), wanted);
    if (!version)
        throw new errors/* UserError */.yo(`no version matches (tags: ${tags.slice(0, 10).join(', ') || 'none'})`, {
            where,
            hint: 'Check the version range, or publish the dependency first',
        });
    const { body } = await client.fetchManifest(repository, version.replaceAll('+', '_'));
    const { chartLayer } = parseChartManifest(body, `${registry}/${repository}:${version}`);
    return (0,load/* loadArchiveChart */.L)(await client.fetchBlob(repository, chartLayer), `${registry}/${repository}:${version}`);
}
async function fromIndex(http, dep, wanted, where) {
    const base = dep.repository.replace(/\/+$/, '');
    const res = await http.send({ method: 'GET', url: `${base}/index.yaml`, maxBody: 64 * 1024 * 1024 });
    if (res.status !== 200)
        throw new errors/* UserError */.yo(`${base}/index.yaml answered HTTP ${res.status}`, { where, hint: 'Check the repository URL' });
    const index = dist.parse(res.body.toString('utf8'));
    const entries = index?.entries?.[dep.name] ?? [];
    const version = pickVersion(entries.map((e) => e.version ?? ''), wanted);
    const entry = entries.find((e) => e.version === version);
    if (!entry?.urls?.[0])
        throw new errors/* UserError */.yo(`no version matches in ${base}/index.yaml`, { where, hint: 'Check the version range and the chart name' });
    const url = new URL(entry.urls[0], `${base}/`).toString();
    const tgz = await http.send({ method: 'GET', url, maxBody: 100 * 1024 * 1024 });
    if (tgz.status !== 200)
        throw new errors/* UserError */.yo(`${url} answered HTTP ${tgz.status}`, { where });
    if (entry.digest && (0,external_node_crypto_.createHash)('sha256').update(tgz.body).digest('hex') !== entry.digest.replace(/^sha256:/, '')) {
        throw new errors/* UserError */.yo(`${url} does not match the digest in index.yaml`, {
            where,
            hint: 'The repository is serving other content than it lists',
        });
    }
    return (0,load/* loadArchiveChart */.L)(tgz.body, url);
}
/** Repositories Chartlift cannot read itself (`@alias`, `alias:`): `helm dependency build` in a copy. */
async function fromHelm(source, dep, where, plainHttp) {
    const temp = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'chartlift-deps-'));
    try {
        const copy = external_node_path_default().join(temp, 'chart');
        await (0,promises_.cp)(dirOf(source), copy, { recursive: true });
        const { getExecOutput } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9529));
        let out;
        try {
            out = await getExecOutput('helm', ['dependency', 'build', copy, ...(plainHttp ? ['--plain-http'] : [])], {
                silent: true,
                ignoreReturnCode: true,
            });
        }
        catch (err) {
            throw new errors/* UserError */.yo(`cannot be resolved without helm, and helm could not be run (${err.message})`, {
                where,
                hint: 'Use an oci:// or https:// repository, or install helm before this step',
            });
        }
        if (out.exitCode !== 0)
            throw new errors/* UserError */.yo(`helm dependency build failed: ${out.stderr.trim().split('\n').pop()}`, { where });
        const charts = external_node_path_default().join(copy, 'charts');
        for (const f of await (0,promises_.readdir)(charts)) {
            if (!f.endsWith('.tgz'))
                continue;
            const sub = await (0,load/* loadArchiveChart */.L)(await (0,promises_.readFile)(external_node_path_default().join(charts, f)), f);
            if (sub.metadata.name === dep.name)
                return sub;
        }
        throw new errors/* UserError */.yo('helm dependency build did not produce it', { where });
    }
    finally {
        await (0,promises_.rm)(temp, { recursive: true, force: true });
    }
}


/***/ })

};
