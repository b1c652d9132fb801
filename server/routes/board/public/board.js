// The live status board for a wall screen: counts per status, every scene on a map of the region
// with its name, a list with status and since when, and each change highlighted as it arrives over
// graphql-ws, resuming with `after` after any drop. The token is typed into a form once, kept in
// this tab or (kiosk) on this screen, and never put in the address.
import { createClient } from '/board/vendor/graphql-ws/client.js';
// The typed client's own operations (client-codegen/operations/board.graphql), written here by the build.
import { BoardScenes, SceneStatusChanged, SceneStatusEventCursor } from '/board/build/operations.js';
import { drawMap } from './map.js';
import { STATUSES, shortDate, shortName, statusIcon, timeAgo } from './status.js';

/** How long a change stays highlighted: long enough for someone across the room to look up. */
const HIGHLIGHT_MS = 15_000;
/** How long the cursor and the sign-out button show in kiosk mode after the mouse moves or a key is pressed. */
const WAKE_MS = 5_000;
/** Close codes after which the same token will never be accepted: graphql-ws's Unauthorized and Forbidden. */
const TOKEN_REFUSED = [4401, 4403];
/** Storage keys: the token (sessionStorage for this tab, localStorage in kiosk mode) and the kiosk choice. */
const TOKEN_KEY = 'board-token';
const KIOSK_KEY = 'board-kiosk';

const scenes = new Map();
/** Scene id → until when (ms) its latest change is highlighted. */
const highlights = new Map();
let lastEventId = null;
/** The latest change known: { at, text }. */
let lastChange = null;
let geography = null;
let token = null;
let client = null;
/** Bumped on every sign-in and sign-out, so a retry scheduled for an old token gives up. */
let session = 0;

boot();

function boot() {
  refuseTokenInAddress();
  document.getElementById('login').addEventListener('submit', signIn);
  document.getElementById('sign-out').addEventListener('click', () => signOut());
  wakeOnInput();
  new ResizeObserver(() => drawBoardMap()).observe(document.getElementById('map'));
  new ResizeObserver(() => renderList(highlighted())).observe(document.querySelector('main'));
  setInterval(tick, 1000);
  tick();
  loadGeography();
  token = sessionStorage.getItem(TOKEN_KEY) ?? localStorage.getItem(TOKEN_KEY);
  if (token) begin(localStorage.getItem(TOKEN_KEY) === token);
  else askForToken(document.getElementById('login-reason').textContent);
}

// Signing in and out

/** An old bookmark with `#token=`: drop it from the address and history, and ask through the form instead. */
function refuseTokenInAddress() {
  if (!/(^|[#&])token=/.test(location.hash.slice(1))) return;
  history.replaceState(null, '', location.pathname + location.search);
  document.getElementById('login-reason').textContent = 'A token in the address is not read: type it here.';
}

function signIn(event) {
  event.preventDefault();
  token = document.getElementById('token').value.trim();
  const kiosk = document.getElementById('remember').checked;
  forgetToken();
  (kiosk ? localStorage : sessionStorage).setItem(TOKEN_KEY, token);
  localStorage.setItem(KIOSK_KEY, kiosk ? 'on' : 'off');
  document.getElementById('token').value = '';
  // A click is the one moment the browser allows full screen; kiosk browsers (chromium --kiosk) need none.
  if (kiosk) document.documentElement.requestFullscreen?.().catch(() => {});
  begin(kiosk);
}

function begin(kiosk) {
  session += 1;
  document.body.dataset.kiosk = kiosk ? 'on' : 'off';
  document.body.dataset.signedIn = 'true';
  document.getElementById('login').hidden = true;
  startWithRetry(session);
}

/** The sign-out button: forgets the token and the kiosk choice on this screen. */
function signOut() {
  localStorage.removeItem(KIOSK_KEY);
  askForToken('Signed out.');
}

/** Forgets the token and shows the form, with why (an expired or refused token), until a new one is given. */
function askForToken(why) {
  session += 1;
  client?.dispose();
  client = null;
  forgetToken();
  setConnection('signed out');
  document.body.dataset.signedIn = 'false';
  document.getElementById('login-reason').textContent = why;
  document.getElementById('remember').checked = localStorage.getItem(KIOSK_KEY) === 'on';
  document.getElementById('login').hidden = false;
  document.getElementById('token').focus();
}

function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(TOKEN_KEY);
}

/** In kiosk mode the cursor and the sign-out button hide until the mouse moves or a key is pressed; F asks for full screen. */
function wakeOnInput() {
  let sleep;
  const wake = (event) => {
    document.body.dataset.awake = 'true';
    clearTimeout(sleep);
    sleep = setTimeout(() => delete document.body.dataset.awake, WAKE_MS);
    if (event.type === 'keydown' && event.key === 'f' && document.body.dataset.signedIn === 'true') {
      document.documentElement.requestFullscreen?.().catch(() => {});
    }
  };
  for (const type of ['mousemove', 'pointerdown', 'keydown']) document.addEventListener(type, wake);
}

// Data

/** Loads the board; a refused token asks for another, anything else (a server restarting) is retried. */
async function startWithRetry(current, attempt = 0) {
  try {
    await start();
  } catch (error) {
    if (current !== session) return;
    if (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN') return askForToken(`The token was refused: ${error.message}`);
    setConnection('reconnecting');
    setTimeout(() => current === session && startWithRetry(current, attempt + 1), Math.min(1000 * 2 ** attempt, 15000));
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
  const loaded = new Map();
  let after = null;
  do {
    const page = (await graphql(BoardScenes, { first: 500, after })).scenes;
    for (const { node } of page.edges) loaded.set(node.id, node);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  scenes.clear();
  for (const [id, scene] of loaded) scenes.set(id, scene);
  lastChange = latestStatusSince();
  render();
  subscribe();
}

function subscribe() {
  let unsubscribe = () => {};
  // A client signed out of (disposed) still reports its closing: only the current one may speak.
  // (Null while createClient runs: with `lazy: false` it reports 'connecting' before returning.)
  let own = null;
  own = client = createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false, // connect now: subscribing happens on 'connected'
    onNonLazyError: () => {}, // reported by `closed`
    retryAttempts: Infinity,
    shouldRetry: (event) => !TOKEN_REFUSED.includes(event?.code),
    retryWait: async (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** retries, 15000))),
    on: {
      connecting: () => client === own && setConnection(lastEventId ? 'reconnecting' : 'connecting'),
      // On every (re)connection subscribe again from the last event seen: exactly the missed ones come first.
      connected: () => {
        setConnection('live');
        unsubscribe();
        unsubscribe = own.subscribe(
          { query: SceneStatusChanged, variables: { after: lastEventId } },
          // A refused token ends the subscription too; `closed` below has already said why.
          {
            next: onEvent,
            error: (error) => TOKEN_REFUSED.includes(error?.code) || client !== own || setConnection('reconnecting'),
            complete: () => {},
          },
        );
      },
      closed: (event) => {
        if (client !== own) return;
        if (!TOKEN_REFUSED.includes(event?.code)) return setConnection('reconnecting');
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
  lastChange = { at: event.changedAt, text: `${shortName(event.scene.name)} → ${event.to}` };
  highlights.set(event.scene.id, Date.now() + HIGHLIGHT_MS);
  setTimeout(render, HIGHLIGHT_MS + 50); // takes the highlight off again
  showBanner(event);
  render();
}

function latestStatusSince() {
  const latest = [...scenes.values()].filter((s) => s.statusSince).sort((a, b) => b.statusSince.localeCompare(a.statusSince))[0];
  return latest ? { at: latest.statusSince, text: `${shortName(latest.name)} → ${latest.status}` } : null;
}

async function loadGeography() {
  try {
    geography = await (await fetch('/board/build/geography.json')).json();
    document.getElementById('attribution').textContent = geography.attribution;
    drawBoardMap();
  } catch (error) {
    console.warn('board: no map background', error); // the scenes still show, on a plain field
  }
}

// Drawing

function setConnection(state) {
  const badge = document.getElementById('connection');
  badge.dataset.state = state;
  badge.textContent = state;
}

function sortedScenes() {
  return [...scenes.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/** The list's order: most urgent status first, then by name, so what cannot be shown is the least urgent. */
function byUrgency() {
  const rank = (scene) => STATUSES.indexOf(scene.status);
  return sortedScenes().sort((a, b) => rank(a) - rank(b));
}

function highlighted() {
  const now = Date.now();
  return new Set([...highlights].filter(([, until]) => until > now).map(([id]) => id));
}

function render() {
  const active = highlighted();
  renderCounts(active);
  renderList(active);
  drawBoardMap();
  tick();
}

function drawBoardMap() {
  drawMap(document.getElementById('map'), sortedScenes(), geography, highlighted());
}

/** One tile per status: a big number, the marker shape, the word. A tile whose scene just changed is highlighted. */
function renderCounts(active) {
  const changedStatuses = new Set([...active].map((id) => scenes.get(id)?.status));
  const tiles = STATUSES.map((status) => {
    const count = [...scenes.values()].filter((scene) => scene.status === status).length;
    const tile = document.createElement('div');
    tile.className = 'count';
    tile.dataset.status = status;
    tile.dataset.count = String(count);
    if (changedStatuses.has(status)) tile.dataset.highlight = 'true';
    const number = document.createElement('span');
    number.className = 'number';
    number.textContent = String(count);
    const word = document.createElement('span');
    word.className = 'word';
    word.textContent = status;
    tile.append(statusIcon(status), number, word);
    return tile;
  });
  document.getElementById('counts').replaceChildren(...tiles);
}

function renderList(active) {
  const rows = byUrgency().map((scene) => {
    const row = document.createElement('tr');
    row.dataset.sceneId = scene.id;
    row.dataset.status = scene.status;
    if (active.has(scene.id)) row.dataset.highlight = 'true';
    const name = cell('name', bold(shortName(scene.name)), small([rest(scene.name), scene.municipality].filter(Boolean).join(' · ')));
    const status = cell('status', statusIcon(scene.status), document.createTextNode(scene.status));
    const since = scene.statusSince ? cell('since', ago(scene.statusSince), small(shortDate(scene.statusSince))) : cell('since', '–');
    row.append(name, status, since);
    return row;
  });
  document.querySelector('#scenes tbody').replaceChildren(...rows);
  fitList(rows);
}

/**
 * A wall screen cannot scroll: when the rows run past the bottom of the screen, the least urgent
 * give way to one last row saying how many more there are and of which status (all are on the
 * map). A highlighted row never gives way. Measured once, not a layout per row given way.
 */
function fitList(rows) {
  const main = document.querySelector('main');
  const bottom = main.getBoundingClientRect().bottom - parseFloat(window.getComputedStyle(main).paddingBottom);
  const table = document.getElementById('scenes');
  if (table.getBoundingClientRect().bottom <= bottom) return;
  const more = document.createElement('tr');
  more.className = 'more';
  more.append(cell('more', `+ ${rows.length} more on the map`));
  more.firstChild.colSpan = 3;
  table.tBodies[0].append(more);
  let excess = table.getBoundingClientRect().bottom - bottom;
  const gone = [];
  for (const row of rows.filter((row) => !row.dataset.highlight).reverse()) {
    if (excess <= 0) break;
    excess -= row.getBoundingClientRect().height;
    gone.push(row);
  }
  for (const row of gone) row.remove();
  const statuses = gone.map((row) => row.dataset.status);
  more.dataset.count = String(gone.length);
  more.firstChild.textContent = `+ ${gone.length} more on the map: ${statusTally(statuses)}`;
}

/** "3 MONITORING, 30 CLOSED", most urgent first. */
function statusTally(statuses) {
  return STATUSES.filter((status) => statuses.includes(status))
    .map((status) => `${statuses.filter((s) => s === status).length} ${status}`)
    .join(', ');
}

/** "Sergels torg: ACTIVE → MONITORING", large, over the title line, for HIGHLIGHT_MS; the newest three at most. */
function showBanner(event) {
  const banner = document.createElement('div');
  banner.className = 'banner';
  banner.dataset.highlight = 'true';
  banner.dataset.sceneId = event.scene.id;
  banner.dataset.status = event.to;
  banner.append(
    bold(`${shortName(event.scene.name)}:`),
    statusIcon(event.from),
    document.createTextNode(` ${event.from} → `),
    statusIcon(event.to),
    bold(event.to),
  );
  const banners = document.getElementById('banners');
  banners.prepend(banner);
  while (banners.children.length > 3) banners.lastElementChild.remove();
  setTimeout(() => banner.remove(), HIGHLIGHT_MS);
}

/** Every second: the clock, "last change … ago" and each scene's "since". */
function tick() {
  const now = Date.now();
  document.getElementById('clock').textContent = new Date(now).toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' });
  const last = document.getElementById('last-change');
  last.textContent = lastChange ? `Last change ${timeAgo(lastChange.at, now)}: ${lastChange.text}` : '';
  if (lastChange) last.dataset.at = lastChange.at;
  for (const element of document.querySelectorAll('[data-since]')) element.textContent = timeAgo(element.dataset.since, now, 'short');
}

function ago(iso) {
  const span = document.createElement('span');
  span.dataset.since = iso;
  span.textContent = timeAgo(iso, Date.now(), 'short');
  return span;
}

/** What the map's short name leaves out ("med omnejd samt Friherregatan"), for the list's second line. */
function rest(name) {
  return name.slice(shortName(name).length).trim();
}

function cell(className, ...children) {
  const td = document.createElement('td');
  td.className = className;
  td.append(...children);
  return td;
}

function bold(text) {
  const strong = document.createElement('strong');
  strong.textContent = text;
  return strong;
}

function small(text) {
  const element = document.createElement('small');
  element.textContent = text;
  return element;
}
