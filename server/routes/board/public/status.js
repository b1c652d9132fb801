// What the board says about a status, everywhere it says it: the order, the word, the marker shape
// (so status never rests on colour alone), and how long ago something happened.

/** Most urgent first: the order of the counts. */
export const STATUSES = ['ACTIVE', 'EMERGING', 'MONITORING', 'CLOSED'];

/**
 * Marker shapes centred on 0,0 with radius `r`, sized to look equally heavy: ACTIVE a filled disc,
 * EMERGING a triangle, MONITORING a square, CLOSED a ring (hollow, set in board.css).
 */
export function shapePath(status, r) {
  switch (status) {
    case 'EMERGING':
      return `M0,${-1.2 * r}L${1.1 * r},${0.8 * r}L${-1.1 * r},${0.8 * r}Z`;
    case 'MONITORING':
      return `M${-0.85 * r},${-0.85 * r}h${1.7 * r}v${1.7 * r}h${-1.7 * r}Z`;
    default:
      return `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
  }
}

/** The status's marker as a small inline SVG, for the counts, the list and the change banner. */
export function statusIcon(status) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '-13 -13 26 26');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.dataset.status = status;
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', shapePath(status, 10));
  path.setAttribute('class', 'marker');
  path.dataset.status = status;
  svg.append(path);
  return svg;
}

/**
 * The name as the map shows it: up to the first bracket or "med", "samt", "och", which in the
 * scenes' names start the surroundings ("Hässelby torg med omnejd samt Friherregatan" → "Hässelby
 * torg"). The list and the marker's tooltip keep the full name.
 */
export function shortName(name) {
  return name.split(/\s+\(|\s+(?:med|samt|och)\s+/)[0].trim() || name;
}

const UNITS = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];
const formats = {
  long: new Intl.RelativeTimeFormat('en', { numeric: 'always', style: 'long' }),
  short: new Intl.RelativeTimeFormat('en', { numeric: 'always', style: 'short' }),
};

/** "3 minutes ago", "2 years ago" ("3 min. ago" when `style` is short): the largest whole unit, as a reader across the room wants it. */
export function timeAgo(iso, now = Date.now(), style = 'long') {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 5) return 'just now';
  const [unit, size] = UNITS.find(([, size]) => seconds >= size);
  return formats[style].format(-Math.floor(seconds / size), unit);
}

/** 2024-05-01 14:03 in Stockholm's way of writing dates, or just the date when it is not today. */
export function shortDate(iso, now = Date.now()) {
  const date = new Date(iso);
  const today = new Date(now).toDateString() === date.toDateString();
  return today ? date.toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' }) : date.toLocaleDateString('sv-SE');
}
