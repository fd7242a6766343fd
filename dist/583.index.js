export const id = 583;
export const ids = [583];
export const modules = {

/***/ 1583:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveDependencies: () => (/* binding */ resolveDependencies)
/* harmony export */ });
/* unused harmony export pickVersion */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3916);
/* harmony import */ var _oci_credentials_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2559);
/* harmony import */ var _oci_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8630);
/* harmony import */ var _oci_http_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7582);
/* harmony import */ var _oci_registry_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9458);
/* harmony import */ var _release_cached_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(8567);
/* harmony import */ var _util_bytes_order_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(8146);
/* harmony import */ var _assemble_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(2297);
/* harmony import */ var _load_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(4326);















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
    const http = new _oci_http_js__WEBPACK_IMPORTED_MODULE_9__/* .Http */ .l({ userAgent: 'chartlift' });
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
                    sub = (await (0,_load_js__WEBPACK_IMPORTED_MODULE_13__/* .loadChart */ .T)(node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(dirOf(source), dep.repository.slice('file://'.length)), { allowMissingDependencies: true }))
                        .chart;
                else
                    sub = await fromHelm(source, dep, where, options.plainHttp);
            }
            catch (err) {
                // A network failure (a system error with a code, or the registry client's) is the user's to act
                // on too: say which dependency, and how to get past it; the registry client's hints speak of `ref`.
                const system = !(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo) && (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .fsCode */ .r0)(err) !== undefined;
                if (!(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo) && !system)
                    throw err;
                const reachability = system || (err instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .RegistryError */ .gl && err.status === undefined);
                const reason = err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo ? err.message : `${err.message} (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .fsCode */ .r0)(err)})`;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`dependency ${JSON.stringify(dep.name)} (${dep.repository || 'no repository'}, ${wanted || 'any version'}) could not be vendored: ${reason}`, {
                    where: source,
                    hint: reachability
                        ? `Check that ${dep.repository} can be reached from this machine (DNS, proxy, firewall), or vendor the dependency into charts/ (helm dependency build) and commit it`
                        : (err.hint ?? 'Check its repository and version in Chart.yaml, or vendor it into charts/'),
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
    chart.dependencies.sort((a, b) => (0,_util_bytes_order_js__WEBPACK_IMPORTED_MODULE_14__/* .compareBytes */ .X)(a.origin ?? a.metadata.name, b.origin ?? b.metadata.name));
    (0,_assemble_js__WEBPACK_IMPORTED_MODULE_12__/* .checkDependencies */ .qP)(chart, source);
}
function dirOf(source) {
    return source.endsWith('.tgz') ? node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(source) : source;
}
function lockedVersions(chart) {
    const out = new Map();
    if (!chart.lock)
        return out;
    const lock = yaml__WEBPACK_IMPORTED_MODULE_5__.parse(chart.lock.toString('utf8'));
    for (const d of lock?.dependencies ?? [])
        if (d.name && d.version)
            out.set(d.name, d.version);
    return out;
}
/** The highest version satisfying a Helm constraint (commas are ANDs, as in Masterminds/semver). */
function pickVersion(versions, constraint) {
    const range = constraint.trim() === '' ? '*' : constraint.replaceAll(',', ' ');
    const valid = versions.filter((v) => semver__WEBPACK_IMPORTED_MODULE_4___default().valid(v));
    if (valid.includes(constraint.trim()))
        return constraint.trim();
    return semver__WEBPACK_IMPORTED_MODULE_4___default().maxSatisfying(valid, range, { includePrerelease: /-/.test(range) }) ?? undefined;
}
async function fromOci(http, dep, wanted, where, options) {
    const rest = dep.repository.slice('oci://'.length).replace(/\/+$/, '');
    const registry = rest.split('/')[0];
    const repository = `${rest.split('/').slice(1).join('/')}${rest.includes('/') ? '/' : ''}${dep.name}`;
    const found = await (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_7__/* .findCredential */ .L4)(registry);
    const client = new _oci_registry_js__WEBPACK_IMPORTED_MODULE_10__/* .RegistryClient */ .bP(http, registry, { plainHttp: options.plainHttp, credential: found?.credential });
    const tags = await client.listTags(repository);
    const version = pickVersion(tags.map((t) => t.replaceAll('_', '+')), wanted);
    if (!version)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`no version matches (tags: ${tags.slice(0, 10).join(', ') || 'none'})`, {
            where,
            hint: 'Check the version range, or publish the dependency first',
        });
    const { body } = await client.fetchManifest(repository, version.replaceAll('+', '_'));
    const { chartLayer } = (0,_release_cached_js__WEBPACK_IMPORTED_MODULE_11__/* .parseChartManifest */ .j$)(body, `${registry}/${repository}:${version}`);
    return (0,_load_js__WEBPACK_IMPORTED_MODULE_13__/* .loadArchiveChart */ .L)(await client.fetchBlob(repository, chartLayer), `${registry}/${repository}:${version}`);
}
async function fromIndex(http, dep, wanted, where) {
    const base = dep.repository.replace(/\/+$/, '');
    const res = await http.send({ method: 'GET', url: `${base}/index.yaml`, maxBody: 64 * 1024 * 1024 });
    if (res.status !== 200)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`${base}/index.yaml answered HTTP ${res.status}`, { where, hint: 'Check the repository URL' });
    const index = yaml__WEBPACK_IMPORTED_MODULE_5__.parse(res.body.toString('utf8'));
    const entries = index?.entries?.[dep.name] ?? [];
    const version = pickVersion(entries.map((e) => e.version ?? ''), wanted);
    const entry = entries.find((e) => e.version === version);
    if (!entry?.urls?.[0])
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`no version matches in ${base}/index.yaml`, { where, hint: 'Check the version range and the chart name' });
    const url = new URL(entry.urls[0], `${base}/`).toString();
    const tgz = await http.send({ method: 'GET', url, maxBody: 100 * 1024 * 1024 });
    if (tgz.status !== 200)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`${url} answered HTTP ${tgz.status}`, { where });
    if (entry.digest && (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(tgz.body).digest('hex') !== entry.digest.replace(/^sha256:/, '')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`${url} does not match the digest in index.yaml`, {
            where,
            hint: 'The repository is serving other content than it lists',
        });
    }
    return (0,_load_js__WEBPACK_IMPORTED_MODULE_13__/* .loadArchiveChart */ .L)(tgz.body, url);
}
/** Repositories Chartlift cannot read itself (`@alias`, `alias:`): `helm dependency build` in a copy. */
async function fromHelm(source, dep, where, plainHttp) {
    const temp = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().tmpdir(), 'chartlift-deps-'));
    try {
        const copy = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(temp, 'chart');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.cp)(dirOf(source), copy, { recursive: true });
        const { getExecOutput } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 2876));
        let out;
        try {
            out = await getExecOutput('helm', ['dependency', 'build', copy, ...(plainHttp ? ['--plain-http'] : [])], {
                silent: true,
                ignoreReturnCode: true,
            });
        }
        catch (err) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`cannot be resolved without helm, and helm could not be run (${err.message})`, {
                where,
                hint: 'Use an oci:// or https:// repository, or install helm before this step',
            });
        }
        if (out.exitCode !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`helm dependency build failed: ${out.stderr.trim().split('\n').pop()}`, { where });
        const charts = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(copy, 'charts');
        for (const f of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(charts)) {
            if (!f.endsWith('.tgz'))
                continue;
            const sub = await (0,_load_js__WEBPACK_IMPORTED_MODULE_13__/* .loadArchiveChart */ .L)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(charts, f)), f);
            if (sub.metadata.name === dep.name)
                return sub;
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo('helm dependency build did not produce it', { where });
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { recursive: true, force: true });
    }
}


/***/ })

};
