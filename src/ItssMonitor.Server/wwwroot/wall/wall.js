// The wall: every service as a tile, worst first, kept live over /hubs/status with the official SignalR client.
// It never reloads itself: a lost connection greys the tiles and says so, and the client reconnects on its own
// and takes the fresh snapshot the hub sends on every connection.

// Worst first, as the server orders them: planned maintenance below everything unplanned, above up.
const STATES = ['down', 'degraded', 'stale', 'unknown', 'maintenance', 'up'];
const WORDS = { down: 'Down', degraded: 'Degraded', stale: 'Stale', unknown: 'Unknown', maintenance: 'Maintenance', up: 'Up' };

// Tile size in em of its own font: what the content needs (wall.css) plus a little air.
const TILE_EM_WIDTH = 12.5;
const TILE_EM_HEIGHT = 5.6;
// Below this tile font (a fraction of the screen height, so the same at 1080p and 4K) text is not legible from 5 m: page instead.
const MIN_FONT_OF_HEIGHT = 1 / 50;
const MAX_FONT_OF_HEIGHT = 1 / 16;

const params = new URLSearchParams(location.search);
const filter = { team: params.get('team') || null, tag: params.get('tag') || null };
const rotateMs = duration(params.get('rotate'), 15_000);
const pinnedPage = params.has('page') ? Math.max(1, parseInt(params.get('page'), 10) || 1) - 1 : null;
const oldAfterMs = duration(params.get('oldAfter'), 300_000);
const quietAfterMs = duration(params.get('quietAfter'), 120_000);
const debug = params.has('debug');

const root = document.documentElement;
const tilesEl = document.getElementById('tiles');
const bannerEl = document.getElementById('banner');
const linkEl = document.getElementById('link');
const updatedEl = document.getElementById('updated');
const pageEl = document.getElementById('page');
const alertsEl = document.getElementById('alerts');
const countEls = Object.fromEntries(STATES.map(state => [state, document.querySelector(`#counts [data-state="${state}"]`)]));

/** name → { el, status, rank, refs } */
const tiles = new Map();
const counts = Object.fromEntries(STATES.map(state => [state, 0]));
let sorted = [];
let layoutState = { perPage: Infinity, pages: 1 };
let page = 0;
let connected = false;
let lastMessageAt = null; // when the last snapshot or change arrived
let lastAliveAt = null; // the last moment the connection was known to be up (pings keep it so)
/** id → open alert (firing or acknowledged), as the hub sends them */
const alerts = new Map();
let alertsHtml = '';
// The strip lists this many; more would squeeze the tiles, and the desk's /incidents has them all.
const MAX_ALERTS = 3;
const SEVERITIES = ['critical', 'warning'];

if (debug) {
  window.__wallDebug = { snapshots: [], changes: [] };
}

document.getElementById('scope').textContent = [filter.team && `team ${filter.team}`, filter.tag && `tag ${filter.tag}`].filter(Boolean).join(' · ');

function duration(text, fallback) {
  if (!text) return fallback;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/.exec(text.trim());
  if (!match) return fallback;
  const value = parseFloat(match[1]);
  return match[2] === 'ms' ? value : match[2] === 'm' ? value * 60_000 : value * 1000;
}

function matches(status) {
  return (!filter.team || status.team === filter.team) && (!filter.tag || (status.tags || []).includes(filter.tag));
}

const escapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = text => String(text).replace(/[&<>"']/g, c => escapes[c]);

function latencyText(ms) {
  if (ms == null) return '—';
  return ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-US');
}

function availabilityText(fraction) {
  if (fraction == null) return '—';
  const percent = fraction * 100;
  // Never round a failure up to a perfect day.
  if (percent >= 100) return '100';
  return (Math.floor(percent * 100) / 100).toFixed(2);
}

function trendPoints(trend) {
  if (!trend || trend.length < 2) return '';
  const max = Math.max(...trend) || 1;
  const step = 100 / (trend.length - 1);
  return trend.map((value, i) => `${(i * step).toFixed(1)},${(19 - (value / max) * 18).toFixed(1)}`).join(' ');
}

function clockText(date) {
  return date.toLocaleTimeString('en-GB', { hour12: false });
}

function ageText(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 120 ? `${m} min` : `${Math.round(m / 60)} h`;
}

function tileHtml(status, order, hidden = false) {
  const state = status.state;
  return `<article class="tile" data-name="${escape(status.service)}" data-state="${state}" style="order:${order}"${hidden ? ' hidden' : ''}>`
    + `<div class="head"><span class="icon" aria-hidden="true"></span><span class="word">${WORDS[state]}</span>`
    + `<span class="team">${escape(status.team || '')}</span><span class="age"></span></div>`
    + `<h2 class="name">${escape(status.service)}</h2>`
    + `<div class="window">${escape(status.maintenanceWindow || '')}</div>`
    + `<div class="figures"><span class="latency">${latencyText(status.latencyMs)}</span><span class="unit">ms</span>`
    + `<span class="availability">${availabilityText(status.availability24h)}</span><span class="unit">% 24 h</span>`
    + `<svg class="trend" viewBox="0 0 100 20" preserveAspectRatio="none" aria-hidden="true"><polyline points="${trendPoints(status.latencyTrend)}"/></svg></div>`
    + `</article>`;
}

function orderOf(entry) {
  return STATES.indexOf(entry.status.state) * 100_000 + entry.rank;
}

function rankByName() {
  const names = [...tiles.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  names.forEach((name, i) => { tiles.get(name).rank = i; });
}

/**
 * Builds every tile in one go: the grid and the first page are chosen before the tiles exist, so one string and one
 * innerHTML produce the final DOM (tiles off the page already hidden) and the browser lays it out once.
 */
function render(services) {
  tiles.clear();
  tilesEl.textContent = '';
  services.forEach(status => tiles.set(status.service, { status, rank: 0, el: null, refs: null }));
  rankByName();
  resort();
  chooseGrid();
  tilesEl.innerHTML = sorted.map((entry, i) => tileHtml(entry.status, orderOf(entry), !onPage(i))).join('');
  const elements = tilesEl.children;
  sorted.forEach((entry, i) => { entry.el = elements[i]; });
  markAlerted();
  recount();
  showPage();
}

function refsOf(entry) {
  if (!entry.refs) {
    const el = entry.el;
    entry.refs = {
      word: el.querySelector('.word'),
      team: el.querySelector('.team'),
      window: el.querySelector('.window'),
      age: el.querySelector('.age'),
      latency: el.querySelector('.latency'),
      availability: el.querySelector('.availability'),
      trend: el.querySelector('polyline'),
    };
  }
  return entry.refs;
}

/** Applies one service's new status to its own tile only; true when its state (and so its place) changed. */
function update(status) {
  let entry = tiles.get(status.service);
  if (!entry) {
    entry = { status, rank: 0, el: null, refs: null };
    tiles.set(status.service, entry);
    tilesEl.insertAdjacentHTML('beforeend', tileHtml(status, 0));
    entry.el = tilesEl.lastElementChild;
    markAlerted();
    rankByName();
    tiles.forEach(other => { other.el.style.order = orderOf(other); });
    counts[status.state]++;
    return true;
  }

  const before = entry.status;
  entry.status = status;
  const refs = refsOf(entry);
  if (before.state !== status.state) {
    entry.el.dataset.state = status.state;
    refs.word.textContent = WORDS[status.state];
    entry.el.style.order = orderOf(entry);
    counts[before.state]--;
    counts[status.state]++;
  }
  if (before.team !== status.team) refs.team.textContent = status.team || '';
  if (before.maintenanceWindow !== status.maintenanceWindow) refs.window.textContent = status.maintenanceWindow || '';
  const latency = latencyText(status.latencyMs);
  if (refs.latency.textContent !== latency) refs.latency.textContent = latency;
  const availability = availabilityText(status.availability24h);
  if (refs.availability.textContent !== availability) refs.availability.textContent = availability;
  const points = trendPoints(status.latencyTrend);
  if (refs.trend.getAttribute('points') !== points) refs.trend.setAttribute('points', points);
  markOld(entry, Date.now());
  return before.state !== status.state;
}

function recount() {
  STATES.forEach(state => { counts[state] = 0; });
  tiles.forEach(entry => { counts[entry.status.state]++; });
  showCounts();
}

function showCounts() {
  STATES.forEach(state => {
    const el = countEls[state];
    el.querySelector('b').textContent = counts[state];
    el.classList.toggle('none', counts[state] === 0);
  });
}

function resort() {
  sorted = [...tiles.values()].sort((a, b) => orderOf(a) - orderOf(b));
}

function layout() {
  chooseGrid();
  showPage();
}

/** Chooses the grid that makes tiles largest; pages when even the best grid would be too small to read. */
function chooseGrid() {
  const width = tilesEl.clientWidth;
  const height = tilesEl.clientHeight;
  const gap = parseFloat(getComputedStyle(tilesEl).rowGap) || 0;
  const count = tiles.size;
  const fontFor = (cols, rows) => Math.min(
    (width - gap * (cols + 1)) / cols / TILE_EM_WIDTH,
    (height - gap * (rows + 1)) / rows / TILE_EM_HEIGHT);

  let best = { cols: 1, rows: 1, font: -Infinity };
  for (let cols = 1; cols <= Math.max(1, count); cols++) {
    const rows = Math.max(1, Math.ceil(count / cols));
    const font = fontFor(cols, rows);
    if (font > best.font) best = { cols, rows, font };
  }

  const minFont = innerHeight * MIN_FONT_OF_HEIGHT;
  let perPage = Infinity;
  if (best.font < minFont) {
    const cols = Math.max(1, Math.floor((width - gap) / (minFont * TILE_EM_WIDTH + gap)));
    const rows = Math.max(1, Math.floor((height - gap) / (minFont * TILE_EM_HEIGHT + gap)));
    perPage = cols * rows;
    best = { cols, rows, font: fontFor(cols, rows) };
  }

  root.style.setProperty('--cols', best.cols);
  root.style.setProperty('--rows', best.rows);
  root.style.setProperty('--font', `${Math.min(best.font, innerHeight * MAX_FONT_OF_HEIGHT).toFixed(2)}px`);
  layoutState = { perPage, pages: Number.isFinite(perPage) ? Math.max(1, Math.ceil(count / perPage)) : 1 };
  if (pinnedPage !== null) page = Math.min(pinnedPage, layoutState.pages - 1);
  if (page >= layoutState.pages) page = 0;
}

function onPage(index) {
  const { perPage, pages } = layoutState;
  return pages <= 1 || (index >= page * perPage && index < (page + 1) * perPage);
}

/** Hides the tiles off the current page; touches only tiles whose visibility changes. */
function showPage() {
  const { pages } = layoutState;
  sorted.forEach((entry, i) => {
    const hidden = !onPage(i);
    if (entry.el.hidden !== hidden) entry.el.hidden = hidden;
  });
  pageEl.hidden = pages <= 1;
  pageEl.textContent = `Page ${page + 1}/${pages}`;
  root.dataset.page = String(page + 1);
  root.dataset.pages = String(pages);
}

function markOld(entry, now) {
  const age = now - Date.parse(entry.status.updatedAt);
  const old = age > oldAfterMs;
  if (old) refsOf(entry).age.textContent = `no update for ${ageText(age)}`;
  if (old !== ('old' in entry.el.dataset)) {
    if (old) entry.el.dataset.old = ''; else delete entry.el.dataset.old;
  }
}

function onSnapshot(services) {
  if (debug) window.__wallDebug.snapshots.push(services);
  services = services.filter(matches);
  const same = services.length === tiles.size && services.every(status => tiles.has(status.service));
  if (same) {
    services.forEach(update);
    showCounts();
    resort();
    showPage();
  } else {
    render(services);
  }
  received();
  if (!root.dataset.ready) {
    root.dataset.ready = 'true';
    // Milliseconds since navigation until the first full wall was in the DOM, and until the frame after it (the benchmark reads these).
    window.__wallRenderedAt = performance.now();
    requestAnimationFrame(() => setTimeout(() => { window.__wallPaintedAt = performance.now(); }));
  }
}

function onStatusChanged(services) {
  if (debug) window.__wallDebug.changes.push(services);
  let moved = false;
  const before = tiles.size;
  services.filter(matches).forEach(status => { moved = update(status) || moved; });
  if (moved) {
    showCounts();
    resort();
    if (tiles.size !== before) layout(); else showPage();
  }
  received();
}

function received() {
  lastMessageAt = Date.now();
  tick();
}

function setConnection(state) {
  connected = state === 'live';
  root.dataset.connection = state;
  if (connected) lastAliveAt = Date.now();
  tick();
}

/** Once a second: the clock, the banner's age, old tiles. Nothing here touches a tile that has not changed. */
function tick() {
  const now = Date.now();
  if (connected) lastAliveAt = now;
  linkEl.textContent = connected ? 'Live' : lastAliveAt ? 'Offline' : 'Connecting…';
  updatedEl.textContent = lastMessageAt
    ? `Updated ${clockText(new Date(lastMessageAt))} · ${ageText(now - lastMessageAt)} ago`
    : 'No data yet';
  const quiet = connected && lastMessageAt && now - lastMessageAt > quietAfterMs;
  if (quiet) root.dataset.quiet = ''; else delete root.dataset.quiet;

  let banner = null;
  if (!connected && lastAliveAt) {
    banner = `Connection lost — showing data from ${ageText(now - lastAliveAt)} ago — reconnecting…`;
  } else if (!connected) {
    banner = 'Connecting to the server…';
  } else if (quiet) {
    banner = `No update for ${ageText(now - lastMessageAt)} — the server answers but sends nothing`;
  }
  bannerEl.hidden = banner === null;
  if (banner !== null && bannerEl.textContent !== banner) bannerEl.textContent = banner;
  showAlerts(now);
}

/** The alerts this wall shows: critical and warning, of its services when it is filtered; critical, unacknowledged, newest first. */
function shownAlerts() {
  const filtered = filter.team || filter.tag;
  return [...alerts.values()]
    .filter(alert => SEVERITIES.includes(alert.severity) && (!filtered || tiles.has(alert.service)))
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity)
      || (a.state === 'firing' ? 0 : 1) - (b.state === 'firing' ? 0 : 1)
      || Date.parse(b.openedAt) - Date.parse(a.openedAt));
}

function alertHtml(alert, now) {
  const ack = alert.state === 'acknowledged' ? `<span class="ack">ack: ${escape(alert.acknowledgedBy || '')}</span>` : '';
  return `<div class="alert" data-severity="${alert.severity}" data-state="${alert.state}" data-id="${escape(alert.id)}">`
    + `<span class="severity">${alert.severity === 'critical' ? 'Critical' : 'Warning'}</span>`
    + `<span class="service">${escape(alert.service)}</span>`
    + `<span class="summary">${escape(alert.summary)}</span>`
    + `<span class="for">for ${ageText(now - Date.parse(alert.openedAt))}</span>${ack}</div>`;
}

/** The strip under the tiles; rewritten only when its text changes, and the grid re-laid out when its height may have. */
function showAlerts(now) {
  const shown = shownAlerts();
  const more = shown.length > MAX_ALERTS ? `<div class="more">+${shown.length - MAX_ALERTS} more open alerts</div>` : '';
  const html = shown.slice(0, MAX_ALERTS).map(alert => alertHtml(alert, now)).join('') + more;
  if (html === alertsHtml) return;
  const rowsBefore = alertsEl.childElementCount;
  alertsHtml = html;
  alertsEl.innerHTML = html;
  alertsEl.hidden = html === '';
  if (alertsEl.childElementCount !== rowsBefore) layout();
}

/** Rings the tile of every service with an open, unacknowledged critical alert. */
function markAlerted() {
  const alerted = new Set([...alerts.values()].filter(a => a.severity === 'critical' && a.state === 'firing').map(a => a.service));
  tiles.forEach((entry, service) => {
    if (!entry.el) return;
    const on = alerted.has(service);
    if (on !== ('alert' in entry.el.dataset)) {
      if (on) entry.el.dataset.alert = 'critical'; else delete entry.el.dataset.alert;
    }
  });
}

function onOpenAlerts(list) {
  // Every connection sends the whole list: replacing the map repairs whatever a lost connection missed.
  alerts.clear();
  list.forEach(alert => alerts.set(alert.id, alert));
  alertsChanged();
}

function onAlertChanged(alert) {
  if (alert.state === 'resolved') alerts.delete(alert.id); else alerts.set(alert.id, alert);
  alertsChanged();
}

function alertsChanged() {
  markAlerted();
  showAlerts(Date.now());
}

function rotate() {
  if (pinnedPage !== null || layoutState.pages <= 1 || rotateMs <= 0) return;
  page = (page + 1) % layoutState.pages;
  showPage();
}

let resizeTimer = 0;
addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(layout, 100);
});
setInterval(tick, 1000);
setInterval(() => { const now = Date.now(); tiles.forEach(entry => markOld(entry, now)); }, 5000);
if (rotateMs > 0) setInterval(rotate, rotateMs);

// A wall display opened with a kiosk token (/wall?kiosk=…) shows the hub the same token; the cookie the page set
// would do as well, but a browser that keeps no cookies still connects.
const hubUrl = new URL('hubs/status', document.baseURI);
if (params.get('kiosk')) hubUrl.searchParams.set('kiosk', params.get('kiosk'));

const connection = new signalR.HubConnectionBuilder()
  .withUrl(hubUrl.toString())
  // Forever, every 1–2 s (jittered so a room of walls does not reconnect in lockstep): a wall has nobody to press reload.
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: context => (context.previousRetryCount === 0 ? 0 : 1000 + Math.random() * 1000) })
  .configureLogging(signalR.LogLevel.Warning)
  .build();
// With the server pinging every 2 s, three missed pings mean it is gone.
connection.serverTimeoutInMilliseconds = 6000;
connection.keepAliveIntervalInMilliseconds = 2000;

connection.on('snapshot', onSnapshot);
connection.on('statusChanged', onStatusChanged);
connection.on('openAlerts', onOpenAlerts);
connection.on('alertChanged', onAlertChanged);
connection.onreconnecting(() => setConnection('lost'));
connection.onreconnected(async () => {
  setConnection('live');
  await subscribe();
});
// Automatic reconnection never gives up, but a failed first start or a closed connection is ours to retry.
connection.onclose(() => {
  setConnection('lost');
  setTimeout(start, 1500);
});

async function subscribe() {
  if (filter.team || filter.tag) {
    try {
      await connection.invoke('Subscribe', filter.team, filter.tag);
    } catch {
      // The connection dropped meanwhile; onreconnected subscribes again.
    }
  }
}

async function start() {
  if (connection.state !== signalR.HubConnectionState.Disconnected) return;
  try {
    await connection.start();
    setConnection('live');
    await subscribe();
  } catch {
    setConnection(lastAliveAt ? 'lost' : 'connecting');
    setTimeout(start, 1500);
  }
}

showCounts();
tick();
start();
