// undici, one module at a time: its index also loads fetch, WebSocket, EventSource, the HTTP cache and
// the mocks (1.2 MB of the bundle, ~40 ms of every start). A publish needs an Agent and `request`;
// the rest is loaded only when a proxy is configured.
import type { Dispatcher } from 'undici';
import Agent from 'undici/lib/dispatcher/agent.js';
import apiRequest from 'undici/lib/api/api-request.js';
import buildConnector from 'undici/lib/core/connect.js';

export { Agent, buildConnector };
export type { Dispatcher };

/** undici's `request(url, options)`, on an explicit dispatcher. */
export function request(url: string, options: Omit<Dispatcher.RequestOptions, 'origin' | 'path'>, dispatcher: Dispatcher) {
  const u = new URL(url);
  return apiRequest.call(dispatcher, { ...options, origin: u.origin, path: `${u.pathname}${u.search}` });
}

/** The proxy agent needs the whole of undici (its index wires the API methods it calls onto Dispatcher). */
export async function loadEnvHttpProxyAgent() {
  return (await import('undici')).EnvHttpProxyAgent;
}
