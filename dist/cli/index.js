#!/usr/bin/env node
// The chartlift CLI: the same bundle as the action (../index.js), started as the CLI.
globalThis.chartliftFace = 'cli';
globalThis.chartliftVersion = "0.1.0";
await import('../index.js');
