// A gzip worker that stops at once (gzip-members.test.ts): what a crashed or killed worker looks like.
process.exit(3);
