export const id = 813;
export const ids = [813];
export const modules = {

/***/ 7813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ProxyTransport: () => (/* binding */ ProxyTransport)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24371);
/* harmony import */ var _trust_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21571);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92268);
// Through a proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY): undici's EnvHttpProxyAgent, which tunnels
// HTTPS with CONNECT and honours NO_PROXY as curl does. This module, and undici with it, is loaded
// only when a proxy variable is set: a publish without one never compiles it.



class ProxyTransport {
    #agent;
    constructor(trust) {
        const t = (0,_trust_js__WEBPACK_IMPORTED_MODULE_2__/* .tlsOptions */ .YF)(trust);
        this.#agent = new undici__WEBPACK_IMPORTED_MODULE_0__/* .EnvHttpProxyAgent */ .J2({ keepAliveTimeout: 10_000, connections: 8, connect: t, requestTls: t, proxyTls: { ca: t.ca } });
    }
    async open(req, headers, signal, answerMs) {
        // headersTimeout: undici counts it once the request is sent (client-h1.js), as node-transport.ts does.
        const res = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(req.url, {
            dispatcher: this.#agent,
            method: req.method,
            headers,
            body: req.body,
            signal,
            headersTimeout: answerMs,
        });
        // undici's request() does not say when the body went out: its answer is the next-best moment.
        req.onSent?.();
        return { status: res.statusCode, headers: (0,_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .flattenHeaders */ .N4)(res.headers), body: res.body, url: req.url };
    }
    async close() {
        await this.#agent.close();
    }
}


/***/ })

};
