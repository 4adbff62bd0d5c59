// The exchange console: one page, no library. It reads the admin API with the operator's token
// (from the address's #token=..., else asked for, kept for this browser tab only) and follows its
// live stream (server-sent events) so that it updates without reloading. Data goes into the page as
// text only, never as markup.
'use strict';

const state = { token: null, symbol: null, stream: null, last: null };

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c === null || c === undefined ? '' : String(c)));
  return e;
}

function fill(tbody, rows) {
  tbody.replaceChildren(...rows);
}

const PRICE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** A price or amount as people read it: 190.25, 191.00, 60,000.50; empty when there is none. */
function price(v) {
  return v === null || v === undefined ? '' : PRICE.format(Number(v));
}

function message(text, error) {
  const m = document.getElementById('message');
  m.textContent = text;
  m.className = 'message' + (error ? ' error' : '');
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: Object.assign({ Authorization: 'Bearer ' + state.token }, body ? { 'Content-Type': 'application/json' } : {}),
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json();
  if (!response.ok) {
    const error = new Error(data.error || response.statusText);
    error.status = response.status;
    throw error;
  }
  return data;
}

function renderDay(o) {
  const d = o.tradingDay;
  const day = document.getElementById('day');
  day.textContent = 'trading day ' + (d.date || '?') + (d.open ? ' open, ' + d.phase : ' ended');
  day.className = 'badge ' + (d.open ? 'on' : 'off');
  document.getElementById('time').textContent = o.time.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

function actionButton(label, title, cls, handler) {
  return el('button', { type: 'button', class: cls, title, onclick: handler }, label);
}

function renderInstruments(o) {
  const rows = o.instruments.map(i => {
    const halted = i.phase === 'HALTED';
    const button = halted
      ? actionButton('Resume', 'Resume ' + i.symbol, null, () => act('Resume ' + i.symbol + '?', 'POST', '/api/instruments/' + i.symbol + '/resume'))
      : actionButton('Halt', 'Halt ' + i.symbol, 'danger', () => act('Halt ' + i.symbol + '?', 'POST', '/api/instruments/' + i.symbol + '/halt'));
    button.dataset.action = halted ? 'resume' : 'halt';
    button.dataset.symbol = i.symbol;
    return el('tr', { 'data-symbol': i.symbol },
      el('td', {}, i.symbol),
      el('td', { class: 'phase phase-' + i.phase }, i.phase),
      el('td', { class: 'num bid' }, i.bid ? i.bid.quantity : ''),
      el('td', { class: 'num bid' }, i.bid ? price(i.bid.price) : ''),
      el('td', { class: 'num ask' }, i.ask ? price(i.ask.price) : ''),
      el('td', { class: 'num ask' }, i.ask ? i.ask.quantity : ''),
      el('td', { class: 'num' }, i.last ? price(i.last.price) : ''),
      el('td', { class: 'num' }, i.last ? i.last.quantity : ''),
      el('td', { class: 'num' }, i.day.volume),
      el('td', { class: 'num' }, price(i.day.vwap)),
      el('td', { class: 'num' }, i.day.trades),
      el('td', {}, button));
  });
  fill(document.querySelector('#instruments tbody'), rows);
  const select = document.getElementById('depth-symbol');
  if (select.options.length !== o.instruments.length) {
    select.replaceChildren(...o.instruments.map(i => el('option', { value: i.symbol }, i.symbol)));
    select.value = state.symbol || (o.instruments[0] && o.instruments[0].symbol) || '';
  }
}

function renderDepth(o) {
  const tbody = document.querySelector('#depth tbody');
  if (!o.depth) {
    fill(tbody, []);
    return;
  }
  // A ladder: asks above (best ask lowest, nearest the middle), bids below (best bid first).
  const rows = [];
  for (const a of o.depth.asks.slice().reverse()) {
    rows.push(el('tr', { class: 'ask-level' }, el('td'), el('td'), el('td', { class: 'num ask' }, price(a.price)),
      el('td', { class: 'num ask' }, a.quantity), el('td', { class: 'num' }, a.orders)));
  }
  for (const b of o.depth.bids) {
    rows.push(el('tr', { class: 'bid-level' }, el('td', { class: 'num' }, b.orders), el('td', { class: 'num bid' }, b.quantity),
      el('td', { class: 'num bid' }, price(b.price)), el('td'), el('td')));
  }
  if (rows.length === 0) rows.push(el('tr', {}, el('td', { colspan: 5, class: 'muted' }, 'empty book (' + o.depth.phase + ')')));
  fill(tbody, rows);
}

function renderTrades(o) {
  fill(document.querySelector('#trades tbody'), o.trades.slice(0, 12).map(t => el('tr', {},
    el('td', {}, t.time.replace('T', ' ').replace('Z', '').slice(11, 23)),
    el('td', {}, t.symbol),
    el('td', { class: 'num' }, t.quantity),
    el('td', { class: 'num ' + (t.aggressor === 'BUY' ? 'up' : t.aggressor === 'SELL' ? 'down' : '') }, price(t.price)),
    el('td', {}, t.buyer), el('td', {}, t.seller), el('td', {}, t.aggressor || 'auction'))));
}

function renderSessions(o) {
  fill(document.querySelector('#sessions tbody'), o.sessions.map(s => el('tr', { 'data-session': s.targetCompId },
    el('td', {}, s.id), el('td', {}, s.firm || ''), el('td', {}, s.role),
    el('td', { class: s.loggedOn ? 'up' : 'down' }, s.loggedOn ? 'logged on' : 'logged off'),
    el('td', { class: 'num' }, s.nextSenderSeqNum), el('td', { class: 'num' }, s.nextTargetSeqNum),
    el('td', { class: 'num' }, s.messagesIn), el('td', { class: 'num' }, s.messagesOut),
    el('td', { class: 'num' }, s.throttleRejects))));
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function renderLatency(o) {
  const stages = o.latency.stages;
  fill(document.querySelector('#latency-table tbody'), stages.map(s => el('tr', {},
    el('td', {}, s.stage), el('td', { class: 'num' }, s.count), el('td', { class: 'num' }, s.p50),
    el('td', { class: 'num' }, s.p90), el('td', { class: 'num' }, s.p99), el('td', { class: 'num' }, s.p999),
    el('td', { class: 'num' }, s.max))));
  // Bars of p50, p90, p99 and p99.9 per stage on a log scale from 0.1 us to 1 s.
  const chart = document.getElementById('latency');
  const left = 120, width = 320, top = 8, rowHeight = 48;
  const x = us => left + width * Math.max(0, Math.min(1, (Math.log10(Math.max(us, 0.1)) + 1) / 7));
  const parts = [];
  for (const tick of [1, 10, 100, 1000, 10000, 100000]) {
    parts.push(svg('line', { x1: x(tick), x2: x(tick), y1: top, y2: top + rowHeight * stages.length, stroke: '#e6eaee' }));
    parts.push(svg('text', { x: x(tick) - 8, y: top + rowHeight * stages.length + 12 }, tick >= 1000 ? tick / 1000 + ' ms' : tick + ' µs'));
  }
  const colours = { p50: '#7fb3e0', p90: '#3f88c5', p99: '#1f5f99', p999: '#0d3559' };
  stages.forEach((s, row) => {
    const y = top + row * rowHeight;
    parts.push(svg('text', { x: 0, y: y + 24 }, s.stage));
    ['p50', 'p90', 'p99', 'p999'].forEach((p, k) => {
      if (s.count > 0) parts.push(svg('rect', { x: left, y: y + 4 + k * 10, width: Math.max(1, x(Number(s[p])) - left), height: 8, fill: colours[p] },
        undefined));
    });
  });
  chart.replaceChildren(...parts);
}

function renderFirms(o) {
  const rows = [];
  for (const f of o.firms) {
    rows.push(firmRow(f.name, null, f.killSwitch));
    for (const a of f.accounts) rows.push(firmRow(f.name, a.name, a.killSwitch));
  }
  fill(document.querySelector('#firms tbody'), rows);
}

function firmRow(firm, account, on) {
  const who = account ? 'account ' + account + ' of ' + firm : 'firm ' + firm;
  const button = on
    ? actionButton('Release', 'Kill switch off for ' + who, null,
      () => act('Turn the kill switch OFF for ' + who + '?', 'POST', '/api/firms/' + firm + '/kill-switch', { on: false, account }))
    : actionButton('Kill', 'Kill switch on for ' + who, 'danger',
      () => act('Turn the kill switch ON for ' + who + '? Its orders are cancelled and new ones refused.', 'POST',
        '/api/firms/' + firm + '/kill-switch', { on: true, account }));
  button.dataset.action = on ? 'kill-off' : 'kill-on';
  button.dataset.firm = firm;
  if (account) button.dataset.account = account;
  return el('tr', { 'data-firm': firm, 'data-account': account || '' }, el('td', {}, account ? '' : firm),
    el('td', {}, account || '(whole firm)'), el('td', { class: on ? 'down' : 'up' }, on ? 'ON' : 'off'), el('td', {}, button));
}

function render(o) {
  state.last = o;
  renderDay(o);
  renderInstruments(o);
  renderDepth(o);
  renderTrades(o);
  renderSessions(o);
  renderLatency(o);
  renderFirms(o);
}

async function act(question, method, path, body) {
  if (!window.confirm(question)) return;
  try {
    const result = await api(method, path, body || {});
    message(result.action + ' by ' + result.operator + (result.applied ? ' done' : ' journaled, not yet applied')
      + (result.cancelled !== undefined ? ': ' + result.cancelled + ' orders cancelled' : ''), false);
    await refresh();
  } catch (e) {
    message(e.message, true);
  }
}

async function refresh() {
  render(await api('GET', '/api/overview?instrument=' + encodeURIComponent(state.symbol || '')));
}

function follow() {
  if (state.stream) state.stream.close();
  const status = document.getElementById('status');
  const url = '/api/stream?levels=10&token=' + encodeURIComponent(state.token) + '&instrument=' + encodeURIComponent(state.symbol || '');
  const stream = new EventSource(url);
  stream.addEventListener('overview', e => {
    status.textContent = 'live';
    status.className = 'badge on';
    render(JSON.parse(e.data));
  });
  stream.onerror = () => {
    status.textContent = 'reconnecting';
    status.className = 'badge off';
  };
  state.stream = stream;
}

async function open() {
  try {
    await refresh();
  } catch (e) {
    if (e.status === 401) {
      sessionStorage.removeItem('exchange-admin-token');
      showLogin(e.message);
      return;
    }
    message(e.message, true);
  }
  document.getElementById('login').hidden = true;
  document.getElementById('console').hidden = false;
  follow();
}

function showLogin(error) {
  document.getElementById('login').hidden = false;
  document.getElementById('console').hidden = true;
  document.getElementById('login-error').textContent = error || '';
}

document.addEventListener('DOMContentLoaded', () => {
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('token')) {
    sessionStorage.setItem('exchange-admin-token', hash.get('token'));
    history.replaceState(null, '', location.pathname + location.search); // the token leaves the address bar
  }
  state.token = sessionStorage.getItem('exchange-admin-token');
  document.getElementById('depth-symbol').addEventListener('change', e => {
    state.symbol = e.target.value;
    if (state.last) refresh().catch(err => message(err.message, true));
    follow();
  });
  document.getElementById('login').addEventListener('submit', e => {
    e.preventDefault();
    state.token = document.getElementById('token').value.trim();
    sessionStorage.setItem('exchange-admin-token', state.token);
    open();
  });
  if (state.token) open(); else showLogin();
});
