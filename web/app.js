// The textloom page: three tabs over the JSON API. Text from the server is inserted with
// textContent; only the server's own renderings (escaped there) go in as HTML.
'use strict';
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

$('analyze-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  status('analyze-status', 'analysing…');
  try {
    const r = await api('/api/analyze', { text: $('analyze-text').value });
    $('analyze-ents').innerHTML = r.html.ent;
    $('analyze-dep').innerHTML = r.parsed ? r.html.dep : '';
    if (!r.parsed) $('analyze-dep').textContent = 'This pipeline has no parser.';
    const body = $('analyze-tokens').tBodies[0];
    body.replaceChildren();
    for (const t of r.tokens) {
      const row = document.createElement('tr');
      for (const v of [t.i, t.text, t.pos, t.tag, t.lemma, t.dep, t.dep ? t.head : '', t.ent]) cell(row, String(v));
      body.appendChild(row);
    }
    status('analyze-status', `${r.tokens.length} tokens, ${r.sents} sentences, ${r.ents.length} entities in ${r.ms} ms`);
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
