// The GraphQL IDE at GET /graphql: GraphiQL from npm, bundled at build time (scripts/build.js),
// so that it works where a CDN is blocked. It adds an "Examples" panel with the README's queries,
// an Authorization header to fill in (or `#token=` in the address, removed at once), and
// subscriptions over graphql-ws with that same header as connectionParams.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { useEditorContext } from '@graphiql/react';
import { GraphiQL } from 'graphiql';
import { getOperationAST, parse } from 'graphql';
import { createClient } from 'graphql-ws';
import { createElement as h, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './ide.css';

const HTTP_URL = `${location.origin}/graphql`;
const WS_URL = HTTP_URL.replace(/^http/, 'ws');
const TOKEN_PLACEHOLDER = '<paste the token npm start printed>';

function main() {
  const token = takeTokenFromFragment();
  const headers = JSON.stringify({ Authorization: `Bearer ${token ?? TOKEN_PLACEHOLDER}` }, null, 2);
  createRoot(document.getElementById('ide')).render(
    h(GraphiQL, {
      fetcher: createFetcher(),
      defaultHeaders: headers,
      headers,
      defaultEditorToolsVisibility: 'headers',
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      plugins: [EXAMPLES_PLUGIN],
      defaultQuery:
        '# Pick an example on the left, or write a query; Ctrl+Enter runs it.\n# Put your token in the Headers tab below.\n{\n  sceneStatusEventCursor\n}\n',
    }),
  );
  openExamplesOnce();
}

/**
 * Opens the Examples panel when the page loads. GraphiQL 4 marks a `visiblePlugin` given at
 * mount as open but leaves its pane off-screen until toggled, so the page presses the panel's
 * sidebar button itself, once it exists.
 */
function openExamplesOnce() {
  const button = document.querySelector(`.graphiql-sidebar [aria-label="Show ${EXAMPLES_PLUGIN.title}"]`);
  if (button) button.click();
  else requestAnimationFrame(openExamplesOnce);
}

/** `#token=…` in the address: used once for the header, then removed from the address bar and history. */
function takeTokenFromFragment() {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (token) history.replaceState(null, '', location.pathname + location.search);
  return token;
}

/** HTTP for queries and mutations; graphql-ws for subscriptions, one socket per Authorization value. */
function createFetcher() {
  const http = createGraphiQLFetcher({ url: HTTP_URL });
  const sockets = new Map();
  const socketFor = (authorization) => {
    if (!sockets.has(authorization))
      sockets.set(authorization, createClient({ url: WS_URL, connectionParams: { authorization }, lazy: true }));
    return sockets.get(authorization);
  };
  return (params, options) => {
    if (!isSubscription(params)) return http(params, options);
    const authorization = Object.entries(options?.headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1] ?? '';
    return socketFor(String(authorization)).iterate({
      query: params.query,
      variables: params.variables,
      operationName: params.operationName ?? undefined,
    });
  };
}

function isSubscription({ query, operationName }) {
  try {
    return getOperationAST(parse(query), operationName ?? undefined)?.operation === 'subscription';
  } catch {
    return false; // the server reports the syntax error
  }
}

/** The README's example queries, grouped by section; a click puts one in the editor. */
function Examples() {
  const { queryEditor, variableEditor } = useEditorContext({ nonNull: true });
  const [examples, setExamples] = useState(null);
  useEffect(() => {
    fetch('/graphql/ide/build/examples.json')
      .then((response) => response.json())
      .then(setExamples, () => setExamples([]));
  }, []);
  if (!examples) return h('p', null, 'Loading the examples…');
  const sections = [...new Set(examples.map((example) => example.section))];
  return h(
    'div',
    { className: 'ide-examples' },
    h('div', { className: 'graphiql-doc-explorer-title' }, 'Examples'),
    ...sections.map((section) =>
      h(
        'section',
        { key: section },
        h('h3', null, section),
        h(
          'ul',
          null,
          ...examples
            .filter((example) => example.section === section)
            .map((example) =>
              h(
                'li',
                { key: example.title },
                h(
                  'button',
                  {
                    type: 'button',
                    title: example.description,
                    onClick: () => {
                      queryEditor?.setValue(example.query);
                      variableEditor?.setValue(example.variables);
                    },
                  },
                  example.title,
                ),
              ),
            ),
        ),
      ),
    ),
  );
}

function ExamplesIcon() {
  return h(
    'svg',
    { viewBox: '0 0 24 24', width: 24, height: 24, fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, 'aria-hidden': true },
    h('path', { d: 'M4 5.5A2.5 2.5 0 0 1 6.5 3H20v15H6.5A2.5 2.5 0 0 0 4 20.5v-15Z' }),
    h('path', { d: 'M4 20.5A2.5 2.5 0 0 1 6.5 18H20v3H6.5A2.5 2.5 0 0 1 4 20.5Z' }),
    h('path', { d: 'M8 7h8M8 10.5h6' }),
  );
}

const EXAMPLES_PLUGIN = { title: 'Examples from the README', icon: ExamplesIcon, content: Examples };

main();
