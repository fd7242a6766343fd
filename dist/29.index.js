export const id = 29;
export const ids = [29];
export const modules = {

/***/ 14029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _gzip_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(90911);
// A worker of gzip-parallel.ts: compresses the members it is sent, in order.


node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort.on('message', (job) => {
    node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort.postMessage({ id: job.id, member: (0,_gzip_js__WEBPACK_IMPORTED_MODULE_1__/* .gzipMember */ .Z5)(job.data) });
});


/***/ })

};
