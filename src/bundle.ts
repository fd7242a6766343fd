/**
 * The one bundle's entry (dist/index.js): the action's steps, or the CLI when dist/cli/index.js
 * started it. One build, so the two faces share their chunks instead of each carrying a copy; each
 * face is loaded only when it runs, and neither imports the other.
 */
const face = (globalThis as { chartliftFace?: string }).chartliftFace;
await (face === 'cli' ? import('./cli.js') : import('./index.js'));
