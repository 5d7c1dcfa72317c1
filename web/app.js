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

// The server sends the analysis as compact columns; the page draws it with textloom's own
// renderers (the textloom/render modules, served under /lib/). Drawing a long analysis at once (a
// thousand table rows, dozens of trees) would block the page: the entities and the first screen of
// the table are drawn in the task that receives the analysis, the other rows follow in chunks, one
// per frame, and each tree is drawn when it comes near the viewport.
const FIRST_ROWS = 40;
const CHUNK_ROWS = 150;
const LAZY_TREES = true;
const DEP_OPTIONS = { compact: true, distance: 110 };
let drawing = 0; // the analysis being drawn; a newer one stops the older one's remaining chunks
let depObserver = null;

function tokenRows(r, rows, from, to) {
  const frag = document.createDocumentFragment();
  for (let k = from; k < to; k++) {
    const i = rows[k];
    const row = document.createElement('tr');
    for (const v of [i, r.words[i], r.pos[i], r.tag[i], r.lemma[i], r.dep[i], r.dep[i] ? r.head[i] : '', r.ent[i]]) cell(row, String(v));
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

function drawAnalysis(r) {
  performance.mark('analysis-received');
  const id = ++drawing;
  depObserver?.disconnect();
  $('analyze-ents').innerHTML = renderEnts({ text: r.text, ents: r.ents }); // the renderer escapes all text
  if (r.parsed) drawTrees($('analyze-dep'), r);
  else $('analyze-dep').textContent = 'This pipeline has no parser.';
  const body = $('analyze-tokens').tBodies[0];
  const rows = [];
  for (let i = 0; i < r.words.length; i++) if (r.words[i].trim() !== '') rows.push(i);
  body.replaceChildren(tokenRows(r, rows, 0, Math.min(FIRST_ROWS, rows.length)));
  $('analyze-tokens').setAttribute('aria-busy', String(rows.length > FIRST_ROWS));
  const more = (from) => {
    if (id !== drawing) return;
    const to = Math.min(from + CHUNK_ROWS, rows.length);
    body.appendChild(tokenRows(r, rows, from, to));
    if (to < rows.length) afterPaint(() => more(to));
    else $('analyze-tokens').setAttribute('aria-busy', 'false');
  };
  if (rows.length > FIRST_ROWS) afterPaint(() => more(FIRST_ROWS));
  // A fresh element each time: its first paint is the analysis's first paint (Element Timing).
  const line = document.createElement('span');
  line.setAttribute('elementtiming', 'analysis');
  line.textContent = `${rows.length} tokens, ${r.sents.length} sentences, ${r.ents.length} entities in ${r.ms} ms`;
  $('analyze-status').replaceChildren(line);
  $('analyze-status').classList.remove('error');
  performance.mark('analysis-drawn');
}

$('analyze-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  performance.mark('analysis-submitted');
  status('analyze-status', 'analysing…');
  try {
    drawAnalysis(await api('/api/analyze', { text: $('analyze-text').value }));
  } catch (e) {
    status('analyze-status', e.message, true);
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
