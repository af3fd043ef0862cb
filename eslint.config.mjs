// Flat config: typescript-eslint with type information, for the api, the web app, the libs and the tests.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Text written by one user must never become markup on another's screen (issue 13). Leaflet puts a string
// given as a tooltip, popup or divIcon's html into innerHTML, so these take a DOM node from a `…Element()`
// function (apps/web/src/map/leaflet-text.ts: textElement); HTML goes into the page in one audited file only.
const LEAFLET_CONTENT = '/^(bindTooltip|bindPopup|setContent|setTooltipContent|setPopupContent|openTooltip|openPopup)$/';
const DOM_NODE_CALL = "[type='CallExpression'][callee.name=/Element$/]";
const HTML_SINKS = [
  {
    selector: `CallExpression[callee.property.name=${LEAFLET_CONTENT}] > .arguments:first-child:not(${DOM_NODE_CALL})`,
    message: 'Leaflet reads a string here as HTML: give a DOM node from a …Element() function (textElement for text).',
  },
  {
    selector: `:matches(CallExpression, NewExpression)[callee.property.name=/^(divIcon|DivIcon|tooltip|Tooltip|popup|Popup)$/] Property[key.name=/^(html|content)$/] > .value:not(${DOM_NODE_CALL})`,
    message: "Leaflet reads a string here as HTML: give a DOM node from a …Element() function (textElement for text).",
  },
  {
    selector: "Property[key.name=/^(attribution|prefix)$/] > :matches(TemplateLiteral, BinaryExpression).value",
    message: 'An attribution is HTML: do not build it from pieces; escape text with escapeHtml (leaflet-text.ts).',
  },
  {
    selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]",
    message: 'Put text in with textContent; HTML goes into the page only in apps/web/src/naloxone/guide-content.tsx.',
  },
  {
    selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/], CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: 'Put text in with textContent; HTML goes into the page only in apps/web/src/naloxone/guide-content.tsx.',
  },
];
const DANGEROUS_INNER_HTML = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'HTML goes into the page only in apps/web/src/naloxone/guide-content.tsx (the sanitised guide).',
};

export default tseslint.config(
  { ignores: ['dist/**', 'apps/web/dist/**', 'node_modules/**', 'coverage/**', 'tests/artifacts/**', '**/*.cjs', '**/*.mjs', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/libs/*/src', '**/libs/*/src/*', '../../../*'], message: 'Import shared code through its alias (@samverkan/...), not a deep relative path.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...HTML_SINKS, DANGEROUS_INNER_HTML] },
  },
  {
    // The one audited place: the guide's HTML, sanitised by the api (apps/api/src/guides/guide-html.ts).
    files: ['apps/web/src/naloxone/guide-content.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...HTML_SINKS] },
  },
);
