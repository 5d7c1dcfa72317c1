// The textloom page: three tabs over the JSON API. Text from the server is inserted with
// textContent; only renderings (textloom's renderers escape everything they are given, and the
// server's snippets are escaped there) go in as HTML.
import { renderEnts } from './lib/render/ent.js';
import { depSize, renderDep } from './lib/render/dep.js';
const $ = (id) => document.getElementById(id);

function showTab(name) {
  for (const t of ['analyze', 'search', 'similar']) {
    $('tab-' + t).setAttribute('aria-selected', String(t === name));
    $(t).hidden = t !== name;
  }
}
for (const t of ['analyze', 'search', 'similar']) $('tab-' + t).addEventListener('click', () => showTab(t));

async function api(path, body) {
  const res = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(data.error || res.statusText);
  return data;
}

function status(id, text, isError) {
  const el = $(id);
  el.textContent = text;
  el.classList.toggle('error', !!isError);
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.appendChild(td);
}

// The server sends the analysis as compact columns, in two parts (newline-delimited JSON): the
// tokens, tags, lemmas, sentences and entities first, the dependency parse when the parser is
// done. The page draws them with textloom's own renderers (the textloom/render modules, served
// under /lib/). Drawing a long analysis at once (a thousand table rows, dozens of trees) would
// block the page: the entities and the first screen of the table are drawn in the task that
// receives the first part; after that screen is painted, the other rows follow in chunks, one per
// frame, and once the parse is there each tree is drawn when it comes near the viewport.
const FIRST_ROWS = 40;
const CHUNK_ROWS = 150;
const LAZY_TREES = true;
const FIRST_SCREEN_ONLY = true; // the entities' text and table rows below the window wait for the first paint
const DEP_OPTIONS = { compact: true, distance: 110 };
let drawing = null; // the analysis being drawn; a newer one stops the older one's remaining work
let depObserver = null;

// Reads the answer's lines as they arrive and hands each part to onPart.
async function analyzeInParts(text, onPart) {
  const res = await fetch('/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, stream: true }) });
  if (!res.ok) {
    const data = await res.json().catch(() => ({ error: res.statusText }));
    throw new Error(data.error || res.statusText);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += value;
    for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
      performance.mark('analysis-part-read');
      onPart(JSON.parse(buf.slice(0, nl)));
      buf = buf.slice(nl + 1);
    }
  }
}

function tokenRows(r, rows, from, to) {
  const frag = document.createDocumentFragment();
  for (let k = from; k < to; k++) {
    const i = rows[k];
    const row = document.createElement('tr');
    const dep = r.dep[i] ?? '';
    for (const v of [i, r.words[i], r.pos[i], r.tag[i], r.lemma[i], dep, dep ? r.head[i] : '', r.ent[i]]) cell(row, String(v));
    frag.appendChild(row);
  }
  return frag;
}

// One sentence as the dep renderer takes it (as textloom's depData builds it from a Doc).
function sentenceData(r, [s, e]) {
  const words = [];
  const arcs = [];
  for (let i = s; i < e; i++) {
    words.push({ text: r.words[i], tag: r.pos[i] });
    const h = r.head[i];
    if (h === i || h < s || h >= e) continue;
    arcs.push({ start: Math.min(i, h) - s, end: Math.max(i, h) - s, label: r.dep[i], dir: i < h ? 'left' : 'right' });
  }
  return { words, arcs };
}

// Placeholders hold each tree's size, so the page does not jump as trees are drawn.
function drawTrees(box, r) {
  const pending = new Map();
  const frag = document.createDocumentFragment();
  for (const sent of r.sents) {
    const d = sentenceData(r, sent);
    const slot = document.createElement('div');
    slot.className = 'dep-slot';
    slot.style.minHeight = `${depSize(d, DEP_OPTIONS).height + 16}px`; // + the tree's bottom margin (1em)
    pending.set(slot, d);
    frag.appendChild(slot);
  }
  box.replaceChildren(frag);
  const draw = (slot) => {
    slot.innerHTML = renderDep(pending.get(slot), DEP_OPTIONS); // the renderer escapes all text
    pending.delete(slot);
  };
  if (!LAZY_TREES) return [...pending.keys()].forEach(draw);
  depObserver = new IntersectionObserver((entries, obs) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      draw(e.target);
      obs.unobserve(e.target);
    }
  }, { rootMargin: '300px 0px' });
  for (const slot of pending.keys()) depObserver.observe(slot);
}

// Runs fn in a task after the next frame is painted (a requestAnimationFrame callback alone
// would run before that paint and delay it).
function afterPaint(fn) {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

// Runs fn once el has been painted on screen (its Element Timing entry), so the work that follows
// does not compete with that paint for the processor; without Element Timing, after the next
// frame. A hidden tab paints nothing: then fn runs after half a second.
function afterFirstPaint(el, fn) {
  let done = false;
  let observer = null;
  const run = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    clearTimeout(timer);
    fn();
  };
  if (PerformanceObserver.supportedEntryTypes?.includes('element')) {
    observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => e.element === el)) run();
    });
    observer.observe({ type: 'element' });
  } else afterPaint(run);
  const timer = setTimeout(run, 500);
}

function setBusy(a) {
  $('analyze-tokens').setAttribute('aria-busy', String(a.drawn < a.rows.length || !!a.r.parsePending));
}

// The parse, once it is there and the first screen has been painted: the dep and head cells of
// the rows drawn so far, the trees, and the parser's time on the status line.
function drawParse(a) {
  const { r } = a;
  const body = $('analyze-tokens').tBodies[0];
  for (let k = 0; k < a.drawn; k++) {
    const i = a.rows[k];
    const cells = body.rows[k].cells;
    cells[5].textContent = r.dep[i] ?? '';
    cells[6].textContent = r.dep[i] ? String(r.head[i]) : '';
  }
  if (r.parsed) drawTrees($('analyze-dep'), r);
  else $('analyze-dep').textContent = 'This pipeline has no parser.';
  if (a.parseMs !== undefined) $('analyze-status').append(`, parsed in ${a.parseMs} ms`);
  setBusy(a);
}

// Where the entities' text can be cut so that the first piece surely fills the window: at a space
// after a window's worth of characters (a character takes at least 300 px² at the page's sizes)
// that is not inside an entity.
function entsCut(r) {
  if (!FIRST_SCREEN_ONLY) return r.text.length;
  let at = r.text.indexOf(' ', Math.ceil((innerWidth * innerHeight) / 300));
  if (at < 0) return r.text.length;
  for (const e of r.ents) if (e.start < at && at < e.end) at = r.text.indexOf(' ', e.end);
  return at < 0 ? r.text.length : at;
}

// The entities of text[from, to) as the renderer draws them (character ranges from `from`).
function entsHtml(r, from, to) {
  const ents = r.ents.filter((e) => e.start >= from && e.end <= to).map((e) => ({ start: e.start - from, end: e.end - from, label: e.label }));
  return renderEnts({ text: r.text.slice(from, to), ents }); // the renderer escapes all text
}

// The first part (or the whole analysis): entities, the table rows in the window, the status line.
function drawAnalysis(r) {
  performance.mark('analysis-received');
  depObserver?.disconnect();
  const cut = entsCut(r);
  $('analyze-ents').innerHTML = entsHtml(r, 0, cut);
  $('analyze-dep').textContent = r.parsePending ? 'Parsing…' : '';
  const body = $('analyze-tokens').tBodies[0];
  body.replaceChildren();
  const rows = [];
  for (let i = 0; i < r.words.length; i++) if (r.words[i].trim() !== '') rows.push(i);
  // Rows only when the table starts inside the window (this reads the layout the frame needs anyway).
  const inWindow = !FIRST_SCREEN_ONLY || body.getBoundingClientRect().top < innerHeight;
  const a = { r, rows, drawn: inWindow ? Math.min(FIRST_ROWS, rows.length) : 0, painted: false, parseMs: undefined };
  drawing = a;
  body.append(tokenRows(r, rows, 0, a.drawn));
  setBusy(a);
  const more = () => {
    if (a !== drawing) return;
    const to = Math.min(a.drawn + CHUNK_ROWS, rows.length);
    body.appendChild(tokenRows(r, rows, a.drawn, to));
    a.drawn = to;
    if (to < rows.length) afterPaint(more);
    setBusy(a);
  };
  // A fresh element each time: its first paint is the analysis's first paint (Element Timing).
  const line = document.createElement('span');
  line.setAttribute('elementtiming', 'analysis');
  line.textContent = `${rows.length} tokens, ${r.sents.length} sentences, ${r.ents.length} entities in ${r.ms} ms`;
  $('analyze-status').replaceChildren(line);
  $('analyze-status').classList.remove('error');
  performance.mark('analysis-drawn');
  afterFirstPaint(line, () => {
    if (a !== drawing) return;
    a.painted = true;
    if (cut < r.text.length) {
      // the rest of the text, moved into the same block so that it flows on from the first piece
      const rest = document.createElement('template');
      rest.innerHTML = entsHtml(r, cut, r.text.length);
      $('analyze-ents').firstElementChild.append(...rest.content.firstElementChild.childNodes);
    }
    if (!r.parsePending) drawParse(a);
    if (a.drawn < rows.length) more();
  });
}

// The second part: the parse of the analysis being drawn.
function addParse(p) {
  const a = drawing;
  performance.mark('analysis-parse-received');
  Object.assign(a.r, { dep: p.dep, head: p.head, parsed: p.parsed, parsePending: false });
  a.parseMs = p.ms;
  if (a.painted) drawParse(a);
}

let submits = 0;
$('analyze-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const id = ++submits; // parts of an older submit still arriving are dropped
  performance.mark('analysis-submitted');
  status('analyze-status', 'analysing…');
  try {
    let first = true;
    await analyzeInParts($('analyze-text').value, (part) => {
      if (id !== submits) return;
      if (first) drawAnalysis(part);
      else addParse(part);
      first = false;
    });
  } catch (e) {
    if (id === submits) status('analyze-status', e.message, true);
  }
});

let searchPage = 1;
async function runSearch(page) {
  const q = $('search-q').value;
  if (!q.trim()) return;
  status('search-status', 'searching…');
  try {
    const r = await api(`/api/search?q=${encodeURIComponent(q)}&page=${page}&size=10`);
    searchPage = r.page;
    const list = $('search-hits');
    list.replaceChildren();
    list.start = (r.page - 1) * r.size + 1;
    for (const h of r.hits) {
      const li = document.createElement('li');
      const title = document.createElement('div');
      title.className = 'hit-title';
      title.textContent = String(h.fields.title ?? h.id);
      const meta = document.createElement('div');
      meta.className = 'hit-meta';
      meta.textContent = `id ${h.id} · score ${h.score}`;
      li.append(title, meta);
      for (const [field, html] of Object.entries(h.snippets)) {
        if (field === 'title' && h.fields.title !== undefined) continue; // already the heading
        const s = document.createElement('div');
        s.className = 'hit-snippet';
        s.innerHTML = html; // escaped by the server, <mark> added after escaping
        li.appendChild(s);
      }
      list.appendChild(li);
    }
    const pages = Math.max(1, Math.ceil(r.total / r.size));
    $('search-page').textContent = `page ${r.page} of ${pages}`;
    $('search-prev').disabled = r.page <= 1;
    $('search-next').disabled = r.page >= pages;
    status('search-status', `${r.total} documents in ${r.ms} ms`);
  } catch (e) {
    status('search-status', e.message, true);
  }
}
$('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  runSearch(1);
});
$('search-prev').addEventListener('click', () => runSearch(searchPage - 1));
$('search-next').addEventListener('click', () => runSearch(searchPage + 1));

$('similar-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  status('similar-status', 'looking…');
  try {
    const r = await api(`/api/similar?word=${encodeURIComponent($('similar-word').value.trim())}&k=${encodeURIComponent($('similar-k').value)}`);
    const list = $('similar-list');
    list.replaceChildren();
    for (const n of r.neighbours) {
      const li = document.createElement('li');
      li.textContent = `${n.word} (${n.score})`;
      list.appendChild(li);
    }
    $('similar-plot').innerHTML = r.svg;
    status('similar-status', `${r.neighbours.length} neighbours in ${r.ms} ms`);
  } catch (e) {
    status('similar-status', e.message, true);
  }
});

fetch('/api/health').then((r) => r.json()).then((h) => {
  if (!h.index) $('search-status').textContent = 'No search index loaded (start textloom serve with --index DIR).';
  if (!h.vectors) $('similar-status').textContent = 'No word vectors loaded (start textloom serve with --vectors FILE).';
});
document.querySelector('#analyze-form button').click();
