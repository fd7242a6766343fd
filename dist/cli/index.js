#!/usr/bin/env node
// The chartlift CLI: the same bundle as the action (../index.js), started as the CLI.
globalThis.chartliftFace = 'cli';
await import('../index.js');
