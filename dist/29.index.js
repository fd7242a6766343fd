export const id = 29;
export const ids = [29];
export const modules = {

/***/ 14029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _gzip_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4402);
// A worker of gzip-parallel.ts: compresses the members it is sent, in order.


node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort.on('message', (job) => {
    node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort.postMessage({ id: job.id, member: (0,_gzip_js__WEBPACK_IMPORTED_MODULE_1__/* .gzipMember */ .Z5)(job.data) });
});


/***/ }),

/***/ 4402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PJ: () => (/* binding */ gzipReproducible),
/* harmony export */   Z5: () => (/* binding */ gzipMember),
/* harmony export */   t7: () => (/* binding */ MEMBER_BYTES),
/* harmony export */   v9: () => (/* binding */ memberRanges)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var fflate_browser__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59452);

// fflate's runtime-neutral build: the same deflate, without the Node build's load of worker_threads
// (for an async API not used here).

/**
 * The largest gzip member: a longer archive is cut into members of this many bytes of tar, each
 * compressed on its own (so on any number of cores, gzip-parallel.ts), concatenated as RFC 1952 allows.
 * An archive of at most this size is one member, the bytes every earlier Chartlift release wrote.
 */
const MEMBER_BYTES = 1 << 20;
/**
 * gzip with bytes that depend on the input only: deflate in pure JavaScript (fflate, level 6),
 * never the runtime's zlib, whose output changes with its build and the CPU's features; each member's
 * header with mtime 0, no name, OS "unknown". The same bytes whichever way the members are made.
 */
function gzipReproducible(data) {
    const members = [];
    for (const [start, end] of memberRanges(data.length))
        members.push(gzipMember(data.subarray(start, end)));
    return members.length === 1 ? members[0] : Buffer.concat(members);
}
/** Where each member starts and ends in `length` bytes of tar (one member for an empty input). */
function memberRanges(length) {
    const out = [];
    for (let start = 0; start < length || out.length === 0; start += MEMBER_BYTES)
        out.push([start, Math.min(start + MEMBER_BYTES, length)]);
    return out;
}
/** One complete gzip member of `data`. */
function gzipMember(data) {
    const header = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
    const body = (0,fflate_browser__WEBPACK_IMPORTED_MODULE_1__/* .deflateSync */ .pd)(data, { level: 6 });
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE((0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.crc32)(data) >>> 0, 0);
    trailer.writeUInt32LE(data.length % 2 ** 32, 4);
    return Buffer.concat([header, body, trailer]);
}


/***/ })

};
