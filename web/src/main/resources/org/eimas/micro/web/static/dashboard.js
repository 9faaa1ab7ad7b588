// EIMAS-Micro live dashboard: panels per symbol fed by Server-Sent Events from /events.
(function () {
  'use strict';
  const token = new URLSearchParams(location.search).get('token');
  const withToken = (url) => token ? url + (url.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(token) : url;
  const $ = (id) => document.getElementById(id);
  const NY = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour12: false,
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const fmt = (v, d) => (v === null || v === undefined || Number.isNaN(v)) ? 'n/a' : Number(v).toFixed(d);
  const nyTime = (ns) => NY.format(new Date(ns / 1e6));

  let cfg = null;
  let windowSec = 1800;
  let updateCount = 0;
  const panels = {};
  const dirty = new Set();

  const CHARTS = [
    { key: 'mid', title: 'Mid price', series: [{ label: 'mid', stroke: '#58a6ff', get: (u) => u.mid }] },
    { key: 'vpin', title: 'VPIN (seed bands 0.6/0.7/0.8)', range: [0, 1], bands: 'seed',
      series: [{ label: 'VPIN', stroke: '#d2a8ff', width: 2, get: (u) => u.vpin }] },
    { key: 'cdf', title: 'VPIN CDF (bands 0.90/0.95/0.99)', range: [0, 1], bands: 'cdf',
      series: [{ label: 'CDF', stroke: '#ffa657', width: 2, get: (u) => u.vpin_cdf }] },
    { key: 'ofi', title: 'Cumulative OFI (trailing window)', series: [{ label: 'cum OFI', stroke: '#3fb950', get: (u) => u.cum_ofi }] },
    { key: 'spread', title: 'Spread (bps)', series: [{ label: 'spread bps', stroke: '#79c0ff', get: (u) => u.spread_bps }] },
    { key: 'hawkes', title: 'Hawkes intensity (per s)', series: [
      { label: 'buy', stroke: '#3fb950', get: (u) => u.hawkes_buy },
      { label: 'sell', stroke: '#f85149', get: (u) => u.hawkes_sell }] },
  ];
  const BAND_COLORS = ['#d29922', '#f0883e', '#f85149'];

  function stat(k, id, cls) {
    return '<div class="stat"><div class="k">' + k + '</div><div class="v ' + (cls || '') + '" id="' + id + '">n/a</div></div>';
  }

  function makePanel(sym) {
    const el = document.createElement('section');
    el.className = 'panel';
    el.id = 'panel-' + sym;
    el.innerHTML = '<h2>' + sym + ' <small id="ts-' + sym + '" class="feed"></small></h2><div class="stats">'
      + stat('mid', 'mid-' + sym) + stat('spread bps', 'spread-' + sym) + stat('VPIN', 'vpin-' + sym)
      + stat('VPIN CDF', 'cdf-' + sym) + stat('alert level', 'alert-' + sym) + stat('cum OFI', 'ofi-' + sym)
      + stat('Hawkes buy / sell', 'hawkes-' + sym) + stat('forecast (bps)', 'forecast-' + sym)
      + stat('direction / confidence', 'dir-' + sym) + stat('path 18', 'path18-' + sym) + stat('path 12', 'path12-' + sym)
      + stat('updates', 'count-' + sym) + '</div><div class="charts" id="charts-' + sym + '"></div>';
    $('panels').appendChild(el);
    const p = { sym: sym, x: [], cols: {}, plots: {}, count: 0 };
    const box = el.querySelector('#charts-' + sym);
    const width = chartWidth(box);
    for (const c of CHARTS) {
      const div = document.createElement('div');
      div.className = 'chart';
      box.appendChild(div);
      const series = [{}];
      for (const s of c.series) {
        series.push({ label: s.label, stroke: s.stroke, width: s.width || 1.5, spanGaps: false });
        p.cols[c.key + ':' + s.label] = [];
      }
      const bands = c.bands === 'seed' ? cfg.vpin_seed_bands : c.bands === 'cdf' ? cfg.vpin_cdf_bands : [];
      bands.forEach((b, i) => series.push({ label: String(b), stroke: BAND_COLORS[i], width: 1, dash: [4, 4], points: { show: false } }));
      const opts = {
        title: c.title, width: width, height: 150, series: series,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'America/New_York'),
        scales: { x: { time: true }, y: c.range ? { range: c.range } : {} },
        axes: [{ stroke: '#8b949e', grid: { stroke: '#21262d' } }, { stroke: '#8b949e', grid: { stroke: '#21262d' }, size: 70 }],
        legend: { show: true }, cursor: { drag: { x: false, y: false } },
      };
      p.plots[c.key] = { plot: new uPlot(opts, emptyData(series.length), div), chart: c, bands: bands };
    }
    panels[sym] = p;
    return p;
  }

  // Two charts per row: half the charts box each (re-measured when the layout changes).
  function chartWidth(box) { return Math.max(240, Math.floor((box.clientWidth - 6) / 2)); }

  function resizeAll() {
    for (const sym in panels) {
      const p = panels[sym];
      const w = chartWidth(document.getElementById('charts-' + sym));
      for (const key in p.plots) p.plots[key].plot.setSize({ width: w, height: 150 });
    }
  }

  function emptyData(n) { const d = []; for (let i = 0; i < n; i++) d.push([]); return d; }

  function push(p, u) {
    const t = u.ts / 1e9;
    if (p.x.length && t < p.x[p.x.length - 1]) return; // stale (e.g. back-fill after live updates)
    p.x.push(t);
    for (const c of CHARTS) for (const s of c.series) {
      const v = s.get(u);
      p.cols[c.key + ':' + s.label].push(v === null || v === undefined ? null : v);
    }
    const from = t - windowSec;
    let drop = 0;
    while (drop < p.x.length && p.x[drop] < from) drop++;
    if (drop > 0) {
      p.x.splice(0, drop);
      for (const k in p.cols) p.cols[k].splice(0, drop);
    }
    dirty.add(p.sym);
  }

  function show(p, u) {
    const s = p.sym;
    p.count++;
    $('ts-' + s).textContent = nyTime(u.ts) + ' New York';
    $('mid-' + s).textContent = fmt(u.mid, 4);
    $('spread-' + s).textContent = fmt(u.spread_bps, 2);
    $('vpin-' + s).textContent = fmt(u.vpin, 4);
    $('cdf-' + s).textContent = fmt(u.vpin_cdf, 3);
    const a = $('alert-' + s);
    a.textContent = u.alert_level || 'n/a';
    a.className = 'v level-' + (u.alert_level || 'NONE');
    $('ofi-' + s).textContent = fmt(u.cum_ofi, 0);
    $('hawkes-' + s).textContent = fmt(u.hawkes_buy, 3) + ' / ' + fmt(u.hawkes_sell, 3);
    $('forecast-' + s).textContent = u.forecast_bps === null ? 'n/a (no model)' : fmt(u.forecast_bps, 2);
    const d = $('dir-' + s);
    d.textContent = (u.direction || 'n/a') + ' / ' + (u.forecast_bps === null ? 'n/a (from OFI)' : confidence(u));
    d.className = 'v dir-' + (u.direction || 'FLAT');
    $('path18-' + s).textContent = u.path18 === null ? 'n/a' : u.path18;
    $('path12-' + s).textContent = u.path12 === null ? 'n/a' : u.path12;
    $('count-' + s).textContent = String(p.count);
  }

  // Confidence is shown only when the update carries one (a forecaster that reports it); none is invented here.
  function confidence(u) {
    return (u.confidence === null || u.confidence === undefined) ? 'n/a' : fmt(u.confidence, 2);
  }

  function redraw() {
    for (const sym of dirty) {
      const p = panels[sym];
      for (const key in p.plots) {
        const { plot, chart, bands } = p.plots[key];
        const data = [p.x];
        for (const s of chart.series) data.push(p.cols[key + ':' + s.label]);
        for (const b of bands) data.push(p.x.map(() => b));
        plot.setData(data);
      }
    }
    dirty.clear();
    requestAnimationFrame(redraw);
  }

  function onUpdate(u) {
    let p = panels[u.symbol];
    if (!p) { p = makePanel(u.symbol); resizeAll(); }
    updateCount++;
    $('update-count').textContent = String(updateCount);
    push(p, u);
    show(p, u);
  }

  let alertRows = 0;
  function onAlert(a) {
    const body = $('alert-log');
    if (alertRows === 0) body.innerHTML = '';
    const tr = document.createElement('tr');
    const inputs = Object.entries(a.inputs || {}).map(([k, v]) => k + '=' + fmt(v, 4)).join(' ');
    tr.innerHTML = '<td>' + nyTime(a.ts) + '</td><td>' + esc(a.symbol) + '</td><td>' + esc(a.source)
      + '</td><td class="level-' + esc(a.level) + '">' + esc(a.level) + '</td><td>' + esc(a.message) + '</td><td>' + esc(inputs) + '</td>';
    body.insertBefore(tr, body.firstChild);
    alertRows++;
    while (body.rows.length > 200) body.deleteRow(body.rows.length - 1);
  }

  function esc(s) {
    return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  function onStatus(s) {
    const el = $('feed-status');
    el.textContent = s.status;
    el.className = 'status-' + s.status;
    $('feed-detail').textContent = s.detail ? '(' + s.detail + ')' : '';
  }

  async function getJson(url) {
    const r = await fetch(withToken(url));
    if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
    return r.json();
  }

  async function pollStatus() {
    try {
      const s = await getJson('/api/status');
      $('dropped').textContent = String(s.sse_dropped + s.monitor_dropped);
      onStatus(s);
    } catch (e) { /* shown by the stream state */ }
  }

  async function main() {
    cfg = await getJson('/api/config');
    windowSec = cfg.window_minutes * 60;
    $('window').textContent = String(cfg.window_minutes);
    $('source').textContent = cfg.source;
    for (const s of cfg.symbols) makePanel(s);
    resizeAll();
    window.addEventListener('resize', resizeAll);
    for (const s of cfg.symbols) {
      const hist = await getJson('/api/history/' + encodeURIComponent(s));
      for (const u of hist) push(panels[s], u);
      if (hist.length) show(panels[s], hist[hist.length - 1]);
    }
    for (const a of await getJson('/api/alerts')) onAlert(a);
    const es = new EventSource(withToken('/events'));
    es.onopen = () => { $('stream-state').textContent = 'live'; };
    es.onerror = () => { $('stream-state').textContent = 'reconnecting'; };
    es.addEventListener('update', (e) => onUpdate(JSON.parse(e.data)));
    es.addEventListener('alert', (e) => onAlert(JSON.parse(e.data)));
    es.addEventListener('status', (e) => onStatus(JSON.parse(e.data)));
    requestAnimationFrame(redraw);
    pollStatus();
    setInterval(pollStatus, 2000);
  }

  main().catch((e) => { $('stream-state').textContent = 'error: ' + e.message; });
})();
