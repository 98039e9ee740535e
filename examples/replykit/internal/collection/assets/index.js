// The index page of a replykit collection: a virtual table over the rows
// in index-data/, loaded as script files as they are needed (browsers
// refuse fetch() from file://), sorted by orders and searched through a
// bigram index that replykit built. Every value from the data goes into
// the page as text (textContent, setAttribute), never as markup.
(function () {
  'use strict';
  var meta = JSON.parse(document.getElementById('meta').textContent);
  var ROW_H = 36, OVERSCAN = 12;
  var n = meta.rows;
  var state = {
    rows: [], cols: null, orders: {}, terms: [],
    sort: '', desc: false, query: '', filters: {},
    view: null, seq: 0
  };

  // The registry that the data files call as they load.
  var registry = window[meta.registry] = {
    rows: function (k, rows) { state.rows[k] = rows; },
    cols: function (cols) { state.cols = cols; },
    order: function (col, rows) { state.orders[col] = rows; },
    terms: function (k, map) { state.terms[k] = map; },
    tokens: docTokens,
    shardOf: function (tok, shards) { return shardOf(firstUnit(tok), shards); }
  };

  var loads = {};
  // load loads index-data/NAME.js once and resolves when it has run.
  function load(name) {
    if (!loads[name]) {
      loads[name] = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = meta.data + '/' + name + '.js';
        s.onload = function () { resolve(); };
        s.onerror = function () { delete loads[name]; reject(new Error('cannot load ' + s.src)); };
        document.head.appendChild(s);
      });
    }
    return loads[name];
  }

  // --- Tokens: as tokens.go cuts text. ---
  var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  var WORD = /[\p{L}\p{Nd}]/u;
  function fold(cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    else if (cp === 0x3000) cp = 32;
    if (cp >= 65 && cp <= 90) cp += 32;
    return cp;
  }
  function classOf(ch) {
    var cp = ch.codePointAt(0);
    if (cp < 0x80) return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) ? 2 : 0;
    if (CJK.test(ch)) return 1;
    return WORD.test(ch) ? 2 : 0;
  }
  // segments cuts text into segments, each a list of units {s, cjk}.
  function segments(text) {
    var segs = [], units = [], inWord = false;
    for (var ch of text) {
      var c = String.fromCodePoint(fold(ch.codePointAt(0)));
      var k = classOf(c);
      if (k === 1) { units.push({ s: c, cjk: true }); inWord = false; }
      else if (k === 2) {
        if (inWord) units[units.length - 1].s += c;
        else { units.push({ s: c, cjk: false }); inWord = true; }
      } else {
        if (units.length) segs.push(units);
        units = []; inWord = false;
      }
    }
    if (units.length) segs.push(units);
    return segs;
  }
  // docTokens gives the tokens of a text as the index holds them.
  function docTokens(text) {
    var out = [];
    segments(text).forEach(function (us) {
      us.forEach(function (u, i) {
        if (!u.cjk) out.push(u.s);
        if (i + 1 < us.length) out.push(u.s + us[i + 1].s);
        else if (u.cjk) out.push(u.s);
      });
    });
    return out;
  }
  // queryTerms gives what a query looks up: the bigrams of each segment;
  // a segment of one unit is a word, or a character that matches every
  // token it begins.
  function queryTerms(q) {
    var terms = [];
    segments(q).forEach(function (us) {
      if (us.length === 1) { terms.push({ tok: us[0].s, first: us[0].s, prefix: us[0].cjk }); return; }
      for (var i = 0; i + 1 < us.length; i++) terms.push({ tok: us[i].s + us[i + 1].s, first: us[i].s, prefix: false });
    });
    return terms;
  }
  function firstUnit(tok) {
    var i = 0;
    for (var ch of tok) {
      if (classOf(ch) === 1) return i === 0 ? ch : tok.slice(0, i);
      i += ch.length;
    }
    return tok;
  }
  function shardOf(unit, shards) {
    var h = 2166136261;
    for (var ch of unit) h = Math.imul(h ^ ch.codePointAt(0), 16777619);
    return (h >>> 0) % (shards || meta.shards);
  }

  // --- Postings: as postings.go writes them. ---
  var DIGIT = new Int8Array(128).fill(-1);
  '0123456789abcdefghijklmnopqrstuv'.split('').forEach(function (c, i) { DIGIT[c.charCodeAt(0)] = i; });
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ()*+-_'.split('').forEach(function (c, i) { DIGIT[c.charCodeAt(0)] = 32 + i; });
  function decode(s, mark) {
    var v = 0, prev = -1;
    for (var i = 0; i < s.length; i++) {
      var d = DIGIT[s.charCodeAt(i)];
      if (d >= 32) { v = v * 32 + d - 32; continue; }
      v = v * 32 + d;
      prev = prev < 0 ? v : prev + v;
      mark(prev);
      v = 0;
    }
  }

  // search resolves to a mark per row (1 where the row matches), or null
  // for an empty query.
  function search(q) {
    var terms = queryTerms(q);
    if (!terms.length) return Promise.resolve(null);
    var shards = {};
    terms.forEach(function (t) { t.shard = shardOf(t.first); shards[t.shard] = true; });
    return Promise.all(Object.keys(shards).map(function (k) { return load('terms-' + k); })).then(function () {
      var hits = null;
      terms.forEach(function (t) {
        var map = state.terms[t.shard], mine = new Uint8Array(n);
        var mark = function (r) { if (!hits || hits[r]) mine[r] = 1; };
        if (t.prefix) {
          for (var key in map) if (key.startsWith(t.tok)) decode(map[key], mark);
        } else if (Object.prototype.hasOwnProperty.call(map, t.tok)) {
          decode(map[t.tok], mark);
        }
        hits = mine;
      });
      return hits;
    });
  }

  // --- The view: the rows shown, in order. ---
  var facets = ['kind', 'office', 'year', 'warning'];
  function filtersOn() {
    return facets.some(function (f) { return state.filters[f] !== undefined && state.filters[f] !== ''; });
  }
  function passes(r) {
    var c = state.cols;
    for (var i = 0; i < facets.length; i++) {
      var f = facets[i], want = state.filters[f];
      if (want === undefined || want === '') continue;
      want = +want;
      if (f === 'warning') { if (c.warning[r].indexOf(want) < 0) return false; }
      else if (c[f][r] !== want) return false;
    }
    return true;
  }

  function refresh() {
    var seq = ++state.seq;
    state.started = performance.now();
    document.body.dataset.busy = '1';
    var waits = [];
    if (filtersOn()) waits.push(load('cols'));
    if (state.sort) waits.push(load('order-' + state.sort));
    waits.push(search(state.query));
    return Promise.all(waits).then(function (got) {
      if (seq !== state.seq) return;
      var hits = got[got.length - 1], filtered = filtersOn();
      var order = state.sort ? state.orders[state.sort] : null;
      var view = new Int32Array(n), m = 0;
      for (var i = 0; i < n; i++) {
        var j = state.desc ? n - 1 - i : i;
        var r = order ? order[j] : j;
        if (hits && !hits[r]) continue;
        if (filtered && !passes(r)) continue;
        view[m++] = r;
      }
      state.view = view.subarray(0, m);
      document.body.dataset.query = state.query;
      setStatus();
      table.reset();
    }, function (err) {
      if (seq !== state.seq) return;
      status.textContent = '无法载入数据 Cannot load the data: ' + err.message;
      document.body.dataset.busy = '0';
    });
  }

  var status = document.getElementById('status');
  function setStatus() {
    var m = state.view.length;
    var fmt = function (x) { return x.toLocaleString('en-US'); };
    status.textContent = '显示 ' + fmt(m) + ' 条，共 ' + fmt(n) + ' 条 ';
    var en = document.createElement('span');
    en.lang = 'en';
    en.textContent = 'Showing ' + fmt(m) + ' of ' + fmt(n);
    status.appendChild(en);
    document.body.dataset.shown = String(m);
    document.getElementById('replies').setAttribute('aria-rowcount', String(m + 1));
  }

  // --- The table: only the rows in sight (and a margin) are in the DOM. ---
  var wrap = document.getElementById('table-wrap');
  var tbody = document.getElementById('rows');
  var table = (function () {
    var padTop = padRow(), padBottom = padRow();
    var lo = 0, hi = 0; // the rows of the view in the DOM: [lo, hi)
    var trs = [];       // their elements, trs[i - lo]
    tbody.append(padTop, padBottom);

    function padRow() {
      var tr = document.createElement('tr'), td = document.createElement('td');
      tr.className = 'pad';
      td.colSpan = 8;
      tr.appendChild(td);
      return tr;
    }
    function rowData(r) {
      var rows = state.rows[Math.floor(r / meta.chunkRows)];
      return rows ? rows[r % meta.chunkRows] : null;
    }
    function make(i) {
      var tr = document.createElement('tr');
      tr.className = 'row';
      tr.setAttribute('aria-rowindex', String(i + 2));
      fill(tr, state.view[i]);
      return tr;
    }
    function fill(tr, r) {
      var d = rowData(r);
      tr.dataset.row = String(r);
      tr.replaceChildren();
      if (!d) {
        tr.classList.add('loading');
        for (var k = 0; k < 8; k++) tr.appendChild(document.createElement('td')).textContent = k ? '' : '…';
        return;
      }
      tr.classList.remove('loading');
      // d: title, office, date, published, kind, number, addressees,
      // warnings, output, source, url
      cell(tr, d[0], 'title');
      cell(tr, d[1]);
      cell(tr, d[2] + (d[3] && d[2] ? ' *' : ''));
      var kind = meta.labels[d[4]] || [d[4], d[4]];
      cell(tr, kind[0]).title = kind.join(' ');
      cell(tr, d[5]);
      cell(tr, d[6]);
      cell(tr, d[7], 'warn');
      var links = cell(tr, '', 'links');
      link(links, relative(d[8] + '.html'), 'HTML', d[0]);
      link(links, relative(d[8] + '.json'), 'JSON', d[0]);
      if (d[9]) link(links, relative(d[9]), '源文件', 'source file');
      else if (/^https?:\/\//i.test(d[10])) link(links, d[10], '原网页', 'original page');
    }
    function cell(tr, text, cls) {
      var td = document.createElement('td');
      td.textContent = text;
      if (text) td.title = text;
      if (cls) td.className = cls;
      tr.appendChild(td);
      return td;
    }
    function link(td, href, text, what) {
      var a = document.createElement('a');
      a.setAttribute('href', href);
      a.textContent = text;
      a.setAttribute('aria-label', text + ': ' + what);
      td.appendChild(a);
    }
    function place() {
      padTop.firstChild.style.height = lo * ROW_H + 'px';
      padBottom.firstChild.style.height = (state.view.length - hi) * ROW_H + 'px';
    }
    function range() {
      var top = wrap.scrollTop - ROW_H; // the header stands over the first row's place
      var first = Math.max(0, Math.floor(top / ROW_H) - OVERSCAN);
      var last = Math.min(state.view.length, Math.ceil((top + wrap.clientHeight) / ROW_H) + OVERSCAN);
      return [first, Math.max(first, last)];
    }
    // update brings the rows in the DOM to those in sight, keeping the
    // elements that stay (a focused link keeps its focus).
    function update() {
      var want = range(), first = want[0], last = want[1];
      if (first >= hi || last <= lo) {
        trs.forEach(function (tr) { tr.remove(); });
        trs = [];
        lo = hi = first;
      }
      while (lo < first && trs.length) { trs.shift().remove(); lo++; }
      while (hi > last && trs.length) { trs.pop().remove(); hi--; }
      if (!trs.length) lo = hi = first;
      var before = [];
      for (var i = first; i < lo; i++) before.push(make(i));
      padTop.after.apply(padTop, before);
      trs = before.concat(trs);
      lo = first;
      for (; hi < last; hi++) {
        var tr = make(hi);
        padBottom.before(tr);
        trs.push(tr);
      }
      place();
      fetchRows();
    }
    // fetchRows loads the rows files the rows in sight need, and fills
    // the rows when they come.
    function fetchRows() {
      var need = {};
      trs.forEach(function (tr) { if (tr.classList.contains('loading')) need[Math.floor(+tr.dataset.row / meta.chunkRows)] = true; });
      var ks = Object.keys(need);
      if (!ks.length) { settled(); return; }
      Promise.all(ks.map(function (k) { return load('rows-' + k); })).then(function () {
        trs.forEach(function (tr) { if (tr.classList.contains('loading')) fill(tr, +tr.dataset.row); });
        fetchRows();
      }, function (err) { status.textContent = '无法载入数据 Cannot load the data: ' + err.message; });
    }
    // settled marks the page idle, with how long the last change took
    // and, the first time, when the first rows stood (ms since the page
    // began to load): what the benchmarks read.
    function settled() {
      var ds = document.body.dataset;
      if (ds.busy !== '0') ds.answerMs = (performance.now() - state.started).toFixed(1);
      if (!ds.firstRowsMs) ds.firstRowsMs = performance.now().toFixed(1);
      ds.busy = '0';
    }
    function reset() {
      trs.forEach(function (tr) { tr.remove(); });
      trs = [];
      lo = hi = 0;
      wrap.scrollTop = 0;
      update();
    }
    var pending = false;
    wrap.addEventListener('scroll', function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; update(); });
    });
    window.addEventListener('resize', function () { if (state.view) update(); });
    return { reset: reset };
  })();

  // relative makes a path under the output directory a link relative to
  // this page: each part escaped, so that no part is read as a scheme, a
  // query or a fragment.
  function relative(path) {
    return path.split('/').map(function (p) { return p === '..' || p === '.' ? p : encodeURIComponent(p); }).join('/');
  }

  // --- Controls. ---
  var q = document.getElementById('q');
  var timer = 0;
  q.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.query = q.value; refresh(); }, 120);
  });
  document.getElementById('controls').addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    state.query = q.value;
    refresh();
  });
  document.querySelectorAll('select[data-facet]').forEach(function (sel) {
    sel.addEventListener('change', function () { state.filters[sel.dataset.facet] = sel.value; refresh(); });
  });
  var heads = document.querySelectorAll('th button[data-sort]');
  heads.forEach(function (b) {
    b.addEventListener('click', function () {
      var col = b.dataset.sort;
      state.desc = state.sort === col ? !state.desc : false;
      state.sort = col;
      heads.forEach(function (o) { o.parentNode.setAttribute('aria-sort', o === b ? (state.desc ? 'descending' : 'ascending') : 'none'); });
      refresh();
    });
  });
  document.getElementById('controls').addEventListener('reset', function () {
    clearTimeout(timer);
    state.query = ''; state.filters = {}; state.sort = ''; state.desc = false;
    heads.forEach(function (o) { o.parentNode.setAttribute('aria-sort', 'none'); });
    setTimeout(refresh, 0);
  });

  registry.ready = refresh();
  // Filters are likely next: their data comes once the first rows are in.
  registry.ready.then(function () { if (n) load('cols').catch(function () {}); });
})();
