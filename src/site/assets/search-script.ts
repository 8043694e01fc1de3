/**
 * The site's search (assets/search.js), written for this site: no library, no network. It reads
 * the index that assets/search-index.js sets (`window.KPIC_SEARCH`), scores documents against the
 * query's words (every word must match: an id, a title word, a tag, the owner, a column, or a
 * word of the description — by prefix), and shows the results on search.html, or as a list under
 * the search box on every other page. Text is inserted with textContent, never as HTML.
 */
export const SEARCH_SCRIPT = `(function () {
  'use strict';
  var data = window.KPIC_SEARCH;
  var root = document.body.getAttribute('data-root') || '';
  if (!data) return;

  function words(text) {
    return String(text || '').toLowerCase().split(/[^a-z0-9%]+/).filter(function (w) { return w.length > 0; });
  }
  var docs = data.docs.map(function (d) {
    return {
      d: d,
      id: d.id.toLowerCase(),
      idWords: words(d.id),
      title: words(d.title),
      keys: words((d.tags || []).join(' ') + ' ' + (d.owner || '') + ' ' + d.kind + ' ' + (d.names || []).join(' ')),
      text: words(d.text)
    };
  });

  function scoreWord(doc, w) {
    if (doc.id === w) return 12;
    if (doc.id.indexOf(w) === 0) return 8;
    var best = 0;
    function prefix(list, points) {
      for (var i = 0; i < list.length; i++) if (list[i].indexOf(w) === 0) { if (points > best) best = points; return; }
    }
    prefix(doc.idWords, 6);
    prefix(doc.title, 5);
    prefix(doc.keys, 3);
    prefix(doc.text, 1);
    return best;
  }

  function search(query) {
    var ws = words(query);
    if (ws.length === 0) return [];
    var out = [];
    docs.forEach(function (doc) {
      var total = 0;
      for (var i = 0; i < ws.length; i++) {
        var s = scoreWord(doc, ws[i]);
        if (s === 0) return;
        total += s;
      }
      out.push({ doc: doc.d, score: total });
    });
    out.sort(function (a, b) { return b.score - a.score || (a.doc.id < b.doc.id ? -1 : 1); });
    return out;
  }

  function resultItem(r, withText) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = root + r.doc.url;
    var kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = r.doc.kind;
    var title = document.createElement('strong');
    title.textContent = r.doc.title || r.doc.id;
    var id = document.createElement('code');
    id.textContent = r.doc.id;
    a.appendChild(kind);
    a.appendChild(title);
    a.appendChild(document.createTextNode(' '));
    a.appendChild(id);
    li.appendChild(a);
    if (withText && r.doc.text) {
      var p = document.createElement('p');
      p.textContent = r.doc.text.length > 220 ? r.doc.text.slice(0, 219) + '…' : r.doc.text;
      li.appendChild(p);
    }
    return li;
  }

  var input = document.querySelector('form.search input[name=q]');
  var page = document.getElementById('results');
  if (page) {
    var status = document.getElementById('results-status');
    var render = function (query) {
      var results = search(query);
      page.textContent = '';
      results.slice(0, 100).forEach(function (r) { page.appendChild(resultItem(r, true)); });
      if (status) {
        status.textContent = query.trim() === '' ? 'Type to search the catalog.'
          : results.length === 0 ? 'Nothing matches “' + query + '”.'
          : results.length + (results.length === 1 ? ' result' : ' results') + ' for “' + query + '”';
      }
    };
    var params = new URLSearchParams(window.location.search);
    var q = params.get('q') || '';
    if (input) {
      input.value = q;
      input.addEventListener('input', function () { render(input.value); });
    }
    render(q);
    return;
  }
  if (!input) return;
  var list = document.createElement('ul');
  list.className = 'dropdown';
  list.hidden = true;
  input.parentNode.appendChild(list);
  input.addEventListener('input', function () {
    var results = search(input.value).slice(0, 8);
    list.textContent = '';
    results.forEach(function (r) { list.appendChild(resultItem(r, false)); });
    list.hidden = results.length === 0;
  });
  document.addEventListener('click', function (e) { if (!input.parentNode.contains(e.target)) list.hidden = true; });
})();
`;
