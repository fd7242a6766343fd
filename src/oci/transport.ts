/** A response whose body is a stream the caller must read, `dump` or destroy. */
export interface HttpStream {
  status: number;
  headers: Record<string, string>;
  body: ResponseBody;
  url: string;
}

/** A response body: its chunks as they arrive. `dump` reads and drops what is left (a bounded amount, then closes). */
export type ResponseBody = AsyncIterable<Uint8Array> & { destroy(err?: Error): unknown; dump(): Promise<void> };

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Largest body accepted (bytes). */
  maxBody?: number;
  /**
   * Called once the request, body included, has been handed to the network (for a large body that is
   * well after the request starts), or at the latest when its answer arrives.
   */
  onSent?: () => void;
}

/**
 * How requests reach the network: Node's own HTTP client (node-transport.ts), or undici's proxy
 * agent when a proxy is configured (proxy-transport.ts). `signal` ends the exchange, body included;
 * `answerMs` bounds the wait for the answer's headers, counted from when the request (body included)
 * has been sent, and fails it with HEADERS_TIMEOUT.
 */
export interface Transport {
  open(req: HttpRequest, headers: Record<string, string>, signal: AbortSignal, answerMs: number): Promise<HttpStream>;
  close(): Promise<void>;
}

/** Who the registries are told is asking, unless a client says otherwise. */
export const USER_AGENT = 'chartlift';

/** Every connection pool's settings (node-transport.ts, and early-request.ts's, whose pool a transport takes over). */
export const AGENT_OPTIONS = { keepAlive: true, maxSockets: 8, maxFreeSockets: 8 };

/** A proxy is configured when one of these is set (http.ts then sends through undici's proxy agent). */
export const PROXY_VARIABLES = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY'];

/** The code of an answer that did not start in time: undici's own (proxy-transport.ts), so both transports fail alike. */
export const HEADERS_TIMEOUT = 'UND_ERR_HEADERS_TIMEOUT';

export function headersTimeoutError(ms: number): Error {
  return Object.assign(new Error(`no answer within ${ms / 1000} s of the request being sent`), { code: HEADERS_TIMEOUT });
}

/** Response headers as one lower-cased string each (repeated ones joined as HTTP joins them). */
export function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return headers;
}
