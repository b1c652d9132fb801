// The live status board: every scene on a plain SVG map coloured by status, a list with status and
// since when, and live updates over graphql-ws that resume with `after` after any drop.
import { createClient } from '/board/vendor/graphql-ws/client.js';
// The typed client's own operations (client-codegen/operations/board.graphql), written here by the build.
import { BoardScenes, SceneStatusChanged, SceneStatusEventCursor } from '/board/build/operations.js';

const scenes = new Map();
let lastEventId = null;

/** Close codes after which the same token will never be accepted: graphql-ws's Unauthorized and Forbidden. */
const TOKEN_REFUSED = [4401, 4403];

const token = readToken();
if (token) startWithRetry();

/** The token from the URL fragment (#token=…, never sent to the server) or the form; kept for this tab only. */
function readToken() {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromFragment) {
    sessionStorage.setItem('board-token', fromFragment);
    history.replaceState(null, '', location.pathname);
  }
  const stored = sessionStorage.getItem('board-token');
  if (stored) return stored;
  askForToken('');
  return null;
}

/** Forgets the token and shows the form, with why (an expired or refused token), until a new one is given. */
function askForToken(why) {
  sessionStorage.removeItem('board-token');
  setConnection('signed out');
  document.getElementById('login-reason').textContent = why;
  const form = document.getElementById('login');
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem('board-token', document.getElementById('token').value.trim());
    location.reload();
  });
}

/** Loads the board; a refused token asks for another, anything else (a server restarting) is retried. */
async function startWithRetry(attempt = 0) {
  try {
    await start();
  } catch (error) {
    if (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN') return askForToken(`The token was refused: ${error.message}`);
    setConnection('reconnecting');
    setTimeout(() => startWithRetry(attempt + 1), Math.min(1000 * 2 ** attempt, 15000));
  }
}

async function graphql(query, variables) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw Object.assign(new Error(body.errors.map((e) => e.message).join('; ')), { code: body.errors[0].extensions?.code });
  return body.data;
}

async function start() {
  setConnection('connecting');
  // Read the cursor before the scenes: the subscription then replays anything that changed in between.
  lastEventId = (await graphql(SceneStatusEventCursor)).sceneStatusEventCursor;
  let after = null;
  do {
    const page = (await graphql(BoardScenes, { first: 500, after })).scenes;
    for (const { node } of page.edges) scenes.set(node.id, node);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  render();
  subscribe();
}

function subscribe() {
  let unsubscribe = () => {};
  const client = createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false, // connect now: subscribing happens on 'connected'
    onNonLazyError: () => {}, // reported by `closed`
    retryAttempts: Infinity,
    shouldRetry: (event) => !TOKEN_REFUSED.includes(event?.code),
    retryWait: async (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** retries, 15000))),
    on: {
      connecting: () => setConnection(lastEventId ? 'reconnecting' : 'connecting'),
      // On every (re)connection subscribe again from the last event seen: exactly the missed ones come first.
      connected: () => {
        setConnection('live');
        unsubscribe();
        unsubscribe = client.subscribe(
          { query: SceneStatusChanged, variables: { after: lastEventId } },
          // A refused token ends the subscription too; `closed` below has already said why.
          { next: onEvent, error: (error) => TOKEN_REFUSED.includes(error?.code) || setConnection('reconnecting'), complete: () => {} },
        );
      },
      closed: (event) => {
        if (!TOKEN_REFUSED.includes(event?.code)) return setConnection('reconnecting');
        client.dispose();
        askForToken(`The token was refused: ${event.reason || 'it has expired'}`);
      },
    },
  });
}

function onEvent({ data, errors }) {
  if (errors) console.error('status event failed', errors);
  const event = data?.sceneStatusChanged;
  if (!event || (lastEventId && BigInt(event.id) <= BigInt(lastEventId))) return;
  lastEventId = event.id;
  scenes.set(event.scene.id, event.scene);
  render(event.scene.id);
  document.getElementById('last-event').textContent = `last change #${event.id} at ${new Date(event.changedAt).toLocaleString('sv-SE')}`;
}

function setConnection(state) {
  const badge = document.getElementById('connection');
  badge.dataset.state = state;
  badge.textContent = state;
}

function render(changedId) {
  const list = [...scenes.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const rows = list.map((scene) => {
    const row = document.createElement('tr');
    row.dataset.sceneId = scene.id;
    row.dataset.status = scene.status;
    if (scene.id === changedId) row.className = 'changed';
    const since = scene.statusSince ? new Date(scene.statusSince).toLocaleDateString('sv-SE') : '–';
    for (const [text, cls] of [[scene.name], [scene.municipality], [scene.status, 'status'], [since]]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      if (cls) cell.className = cls;
      row.append(cell);
    }
    return row;
  });
  document.querySelector('#scenes tbody').replaceChildren(...rows);
  drawMap(list);
}

/** An equirectangular projection fitted to the scenes (longitude scaled by cos of the mean latitude). */
function drawMap(list) {
  const svg = document.getElementById('map');
  const rings = list.flatMap((scene) => scene.area.coordinates.flat());
  const points = rings.flat();
  if (points.length === 0) return svg.replaceChildren();
  const lats = points.map((p) => p[1]);
  const k = Math.cos(((Math.min(...lats) + Math.max(...lats)) / 2) * (Math.PI / 180));
  const xs = points.map((p) => p[0] * k);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...lats), Math.max(...lats)];
  const scale = Math.min(960 / (maxX - minX || 1e-6), 660 / (maxY - minY || 1e-6));
  const project = ([lon, lat]) => `${20 + (lon * k - minX) * scale},${680 - (lat - minY) * scale}`;
  const shapes = list.map((scene) => {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute(
      'd',
      scene.area.coordinates
        .flat()
        .map((ring) => `M${ring.map(project).join('L')}Z`)
        .join(''),
    );
    path.dataset.status = scene.status;
    path.dataset.sceneId = scene.id;
    const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    title.textContent = `${scene.name}: ${scene.status}`;
    path.append(title);
    return path;
  });
  svg.replaceChildren(...shapes);
}
