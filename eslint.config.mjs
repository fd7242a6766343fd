import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.scratch/', '__tests__/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', URL: 'readonly', fetch: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Each face prints through its one sink (src/action/log.ts, src/cli/print.ts), which escapes what
    // came from outside: no other way to the log or the terminal.
    files: ['src/action/**/*.ts', 'src/cli/**/*.ts', 'src/main.ts', 'src/post.ts', 'src/cli.ts'],
    ignores: ['src/action/log.ts', 'src/cli/print.ts', 'src/cli/prompt.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='core'][property.name=/^(info|warning|error|notice|setFailed|debug|startGroup|group)$/]",
          message: 'Print through src/action/log.ts (it escapes text from outside)',
        },
        { selector: "MemberExpression[object.name='console']", message: "Print through the face's sink (it escapes text from outside)" },
        {
          selector: "MemberExpression[object.object.name='process'][object.property.name=/^(stdout|stderr)$/][property.name='write']",
          message: 'Print through src/cli/print.ts (it escapes text from outside)',
        },
      ],
    },
  },
);
