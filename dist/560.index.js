export const id = 560;
export const ids = [560];
export const modules = {

/***/ 57560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveDependencies: () => (/* binding */ resolveDependencies)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _oci_basic_auth_js__WEBPACK_IMPORTED_MODULE_20__ = __webpack_require__(13634);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(62088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _artifact_chart_ref_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(31938);
/* harmony import */ var _artifact_fetch_budget_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(28466);
/* harmony import */ var _artifact_parse_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(72781);
/* harmony import */ var _chart_assemble_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(43178);
/* harmony import */ var _chart_chart_js__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(18892);
/* harmony import */ var _chart_load_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(20185);
/* harmony import */ var _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(34282);
/* harmony import */ var _chart_lock_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(83621);
/* harmony import */ var _chart_metadata_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(96655);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(83916);
/* harmony import */ var _oci_errors_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(82240);
/* harmony import */ var _oci_http_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(25232);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(62148);
/* harmony import */ var _util_bytes_order_js__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(48146);
/* harmony import */ var _util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_21__ = __webpack_require__(63235);






















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
    checkLockInSync(chart, source);
    const locked = lockedVersions(chart);
    // One budget for all the dependencies together, fetched and unpacked: the chart they make up is one
    // chart, within Helm's 100 MiB however many dependencies its Chart.yaml lists.
    const budgets = { fetched: new _artifact_fetch_budget_js__WEBPACK_IMPORTED_MODULE_7__/* .FetchBudget */ .q(`${source}: its dependencies`), unpacked: new _chart_chart_js__WEBPACK_IMPORTED_MODULE_18__/* .UnpackBudget */ .uH() };
    for (const dep of missing) {
        const wanted = locked.get(dep.name) ?? dep.version;
        const where = `${source}: dependency ${JSON.stringify(dep.name)} (${dep.repository || 'no repository'}, ${wanted || 'any version'})`;
        let sub;
        try {
            if (dep.repository.startsWith('oci://'))
                sub = await fromOci(dep, wanted, where, options.access, budgets);
            else if (/^https?:\/\//.test(dep.repository))
                sub = await fromIndex(dep, wanted, where, options.access, budgets);
            else if (dep.repository.startsWith('file://'))
                sub = (await (0,_chart_load_js__WEBPACK_IMPORTED_MODULE_10__/* .loadChart */ .T)(node_path__WEBPACK_IMPORTED_MODULE_4___default().resolve(dirOf(source), dep.repository.slice('file://'.length)), { allowMissingDependencies: true }))
                    .chart;
            else
                sub = await fromHelm(source, dep, where, budgets, options.access.plainHttp);
        }
        catch (err) {
            // A network failure (a system error with a code, or the registry client's) is the user's to act
            // on too: say which dependency, and how to get past it; the registry client's hints are about the chart's own reference.
            const system = !(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo) && (0,_errors_js__WEBPACK_IMPORTED_MODULE_14__/* .fsCode */ .r0)(err) !== undefined;
            if (!(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo) && !system)
                throw err;
            const reachability = system || (err instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_15__/* .RegistryError */ .gl && err.status === undefined);
            const reason = err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo ? err.message : `${err.message} (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_14__/* .fsCode */ .r0)(err)})`;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo(`dependency ${JSON.stringify(dep.name)} (${dep.repository || 'no repository'}, ${wanted || 'any version'}) could not be vendored: ${reason}`, {
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
    chart.dependencies.sort((a, b) => (0,_util_bytes_order_js__WEBPACK_IMPORTED_MODULE_19__/* .compareBytes */ .X)(a.origin ?? a.metadata.name, b.origin ?? b.metadata.name));
    (0,_chart_assemble_js__WEBPACK_IMPORTED_MODULE_9__/* .checkDependencies */ .qP)(chart, source);
}
function dirOf(source) {
    return source.endsWith('.tgz') ? node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(source) : source;
}
/** `helm dependency build` refuses a Chart.lock whose digest no longer matches Chart.yaml's dependencies. */
function checkLockInSync(chart, source) {
    if (!chart.lock)
        return;
    const lock = (0,_chart_lock_js__WEBPACK_IMPORTED_MODULE_12__/* .lockState */ .HE)(chart.lock);
    if ((0,_chart_lock_js__WEBPACK_IMPORTED_MODULE_12__/* .hashRequirements */ .jz)(chart.metadata.dependencies, lock.dependencies) === lock.digest)
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo('Chart.lock is out of sync with the dependencies in Chart.yaml', {
        where: source,
        hint: 'Run helm dependency update and commit the new Chart.lock (helm dependency build refuses it too)',
    });
}
function lockedVersions(chart) {
    const out = new Map();
    if (!chart.lock)
        return out;
    const lock = (0,_util_bounded_read_js__WEBPACK_IMPORTED_MODULE_11__/* .readYaml */ .gM)(chart.lock.toString('utf8'), _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_11__/* .CHART_YAML_BOUNDS */ .xW);
    for (const d of lock?.dependencies ?? [])
        if (d.name && d.version)
            out.set(d.name, d.version);
    return out;
}
/**
 * The highest version satisfying a Helm constraint (commas are ANDs, as in Masterminds/semver). Versions
 * are read as Helm reads them (`v1.2`, `1.2`, `01.2.3` too) and returned as written (they name the tag).
 */
function pickVersion(versions, constraint) {
    const range = constraint.trim() === '' ? '*' : constraint.replaceAll(',', ' ');
    const written = new Map();
    for (const v of versions) {
        const canonical = (0,_chart_metadata_js__WEBPACK_IMPORTED_MODULE_13__/* .canonicalVersion */ .Bp)(v);
        if (canonical !== undefined && semver__WEBPACK_IMPORTED_MODULE_5___default().valid(canonical) && !written.has(canonical))
            written.set(canonical, v);
    }
    if ([...written.values()].includes(constraint.trim()))
        return constraint.trim();
    const best = semver__WEBPACK_IMPORTED_MODULE_5___default().maxSatisfying([...written.keys()], range, { includePrerelease: /-/.test(range) });
    return best === null ? undefined : written.get(best);
}
async function fromOci(dep, wanted, where, access, budgets) {
    const { registry, repository } = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_17__/* .dependencyRepository */ .KU)(dep.repository, dep.name);
    const client = await access.client(registry);
    const tags = await client.listTags(repository);
    const version = pickVersion(tags.map((t) => t.replaceAll('_', '+')), wanted);
    if (!version)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo(`no version matches (tags: ${tags.slice(0, 10).join(', ') || 'none'})`, {
            where,
            hint: 'Check the version range, or publish the dependency first',
        });
    const { body } = await client.fetchManifest(repository, (0,_artifact_chart_ref_js__WEBPACK_IMPORTED_MODULE_6__/* .versionTag */ .V)(version));
    const { chartLayer } = (0,_artifact_parse_js__WEBPACK_IMPORTED_MODULE_8__/* .parseChartManifest */ .j$)(body, `${registry}/${repository}:${version}`);
    budgets.fetched.take(chartLayer);
    return (0,_chart_load_js__WEBPACK_IMPORTED_MODULE_10__/* .loadArchiveChart */ .L)(await client.fetchBlob(repository, chartLayer), `${registry}/${repository}:${version}`, budgets.unpacked);
}
/**
 * A chart repository's index.yaml: 8 MiB and 100,000 nodes (a few thousand chart versions) keep its
 * parse near 150 MiB and a few seconds; past them, a clear error rather than gigabytes.
 */
const INDEX_BOUNDS = { maxBytes: 8 * 1024 * 1024, maxNodes: 100_000, maxDepth: 64, maxAliases: 100 };
async function fromIndex(dep, wanted, where, access, budgets) {
    const base = dep.repository.replace(/\/+$/, '');
    const credential = await access.repositoryCredential(base);
    const basic = credential && 'password' in credential ? (0,_oci_basic_auth_js__WEBPACK_IMPORTED_MODULE_20__/* .basicAuth */ .t)(credential.username, credential.password) : undefined;
    // Helm sends the repository's credentials to its own origin only (pass_credentials_all aside).
    const headersFor = (url) => (basic && new URL(url).origin === new URL(`${base}/`).origin ? { authorization: basic } : undefined);
    const indexUrl = `${base}/index.yaml`;
    const tooLarge = (what) => new _errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo(`${indexUrl} ${what}`, {
        where,
        hint: 'Chartlift reads an index.yaml of up to 8 MiB and 100,000 nodes: use an oci:// repository, or vendor the dependency into charts/',
    });
    let res;
    try {
        res = await access.http.send({ method: 'GET', url: indexUrl, headers: headersFor(indexUrl), maxBody: INDEX_BOUNDS.maxBytes });
    }
    catch (err) {
        if (err instanceof _oci_http_js__WEBPACK_IMPORTED_MODULE_16__/* .BodyTooLarge */ .KQ)
            throw tooLarge(`is larger than the ${INDEX_BOUNDS.maxBytes}-byte bound`);
        throw err;
    }
    if (res.status === 401 || res.status === 403)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo(`${indexUrl} answered HTTP ${res.status}${credential ? ' to the credentials given' : ''}`, {
            where,
            hint: credential
                ? 'Check the user name and password stored for this repository (helm repo add --username \u2026 --password \u2026)'
                : 'Add the repository with its credentials first: helm repo add NAME URL --username \u2026 --password \u2026 (Chartlift reads repositories.yaml)',
        });
    let index;
    // Loaded outside the try: only what the parser says of the text is "not YAML".
    await (0,_util_yaml_lib_js__WEBPACK_IMPORTED_MODULE_21__/* .loadYaml */ .yv)();
    try {
        index = (0,_util_bounded_read_js__WEBPACK_IMPORTED_MODULE_11__/* .readYaml */ .gM)(res.body.toString('utf8'), INDEX_BOUNDS);
    }
    catch (err) {
        if (err instanceof _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_11__/* .BoundsError */ .UI)
            throw tooLarge(err.message);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo(`${indexUrl} is not YAML: ${err.message.split('\n')[0]}`, { where });
    }
    const entries = index?.entries?.[dep.name] ?? [];
    const version = pickVersion(entries.map((e) => e.version ?? ''), wanted);
    const entry = entries.find((e) => e.version === version);
    if (!entry?.urls?.[0])
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo(`no version matches in ${base}/index.yaml`, { where, hint: 'Check the version range and the chart name' });
    const url = new URL(entry.urls[0], `${base}/`).toString();
    let tgz;
    try {
        tgz = await access.http.send({ method: 'GET', url, headers: headersFor(url), maxBody: budgets.fetched.left });
    }
    catch (err) {
        if (err instanceof _oci_http_js__WEBPACK_IMPORTED_MODULE_16__/* .BodyTooLarge */ .KQ)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo(`${url} is larger than the ${budgets.fetched.left} bytes the chart's dependencies have left`, {
                where,
                hint: 'A chart with its dependencies unpacks to at most 100 MiB (Helm refuses more): vendor fewer or smaller dependencies',
            });
        throw err;
    }
    if (tgz.status !== 200)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo(`${url} answered HTTP ${tgz.status}`, { where });
    if (entry.digest && (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(tgz.body).digest('hex') !== entry.digest.replace(/^sha256:/, '')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo(`${url} does not match the digest in index.yaml`, {
            where,
            hint: 'The repository is serving other content than it lists',
        });
    }
    budgets.fetched.take({ mediaType: '', digest: url, size: tgz.body.length });
    return (0,_chart_load_js__WEBPACK_IMPORTED_MODULE_10__/* .loadArchiveChart */ .L)(tgz.body, url, budgets.unpacked);
}
/** `helm ARGS` from PATH: its exit code and stderr (a failure to start rejects). */
function runHelm(args) {
    return new Promise((resolve, reject) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('helm', args, { timeout: 600_000, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (err, _stdout, stderr) => {
            const code = err?.code;
            if (err && typeof code !== 'number')
                reject(err);
            else
                resolve({ exitCode: typeof code === 'number' ? code : 0, stderr });
        });
    });
}
/** Repositories Chartlift cannot read itself (`@alias`, `alias:`): `helm dependency build` in a copy. */
async function fromHelm(source, dep, where, budgets, plainHttp) {
    const temp = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(node_os__WEBPACK_IMPORTED_MODULE_3___default().tmpdir(), 'chartlift-deps-'));
    try {
        const copy = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(temp, 'chart');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.cp)(dirOf(source), copy, { recursive: true });
        let out;
        try {
            out = await runHelm(['dependency', 'build', copy, ...(plainHttp ? ['--plain-http'] : [])]);
        }
        catch (err) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo(`cannot be resolved without helm, and helm could not be run (${err.message})`, {
                where,
                hint: 'Use an oci:// or https:// repository, or install helm before this step',
            });
        }
        if (out.exitCode !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo(`helm dependency build failed: ${out.stderr.trim().split('\n').pop()}`, { where });
        const charts = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(copy, 'charts');
        for (const f of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(charts)) {
            if (!f.endsWith('.tgz'))
                continue;
            const sub = await (0,_chart_load_js__WEBPACK_IMPORTED_MODULE_10__/* .loadArchiveChart */ .L)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(charts, f)), f, budgets.unpacked);
            if (sub.metadata.name === dep.name)
                return sub;
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo('helm dependency build did not produce it', { where });
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(temp, { recursive: true, force: true });
    }
}


/***/ })

};
