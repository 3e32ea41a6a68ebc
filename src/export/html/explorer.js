// The newsgraph explorer. Reads the graph embedded in #graph-data and lets a
// reader search it, see each node's evidence and grow the drawing from there.
// Every string of the graph is article text: it reaches the page only through
// textContent (and cytoscape's canvas labels), never as markup.
'use strict';
(function () {
  const started = performance.now();
  const $ = (id) => document.getElementById(id);

  /** An element with a class and text, built without parsing markup. */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  const raw = JSON.parse($('graph-data').textContent);
  if (raw.format !== 'newsgraph-view/1') {
    $('details').append(el('p', 'hint', 'This page holds data in a format this explorer does not read: ' + raw.format));
    return;
  }
  const parsed = performance.now();

  // ---- Kinds: colours, shapes, the legend --------------------------------
  const NODE_KINDS = {
    person: { color: '#3366aa', shape: 'ellipse', clip: 'circle(50%)' },
    nation: { color: '#2a8a4a', shape: 'hexagon', clip: 'polygon(25% 5%, 75% 5%, 100% 50%, 75% 95%, 25% 95%, 0 50%)' },
    organization: { color: '#c07a12', shape: 'round-rectangle', clip: 'inset(8% round 25%)' },
    meeting: { color: '#8a44a8', shape: 'diamond', clip: 'polygon(50% 0, 100% 50%, 50% 100%, 0 50%)' },
    report: { color: '#b0362c', shape: 'tag', clip: 'polygon(0 10%, 70% 10%, 100% 50%, 70% 90%, 0 90%)' },
    statement: { color: '#98a1aa', shape: 'rectangle', clip: 'inset(20% 0)' },
  };
  const OTHER_KIND = { color: '#666666', shape: 'octagon', clip: 'none' };
  const kindOf = (k) => NODE_KINDS[k] || OTHER_KIND;
  const EDGE_KINDS = {
    'said about': { color: '#6b7785', help: 'X said something about Y (statements collapsed)' },
    said: { color: '#8c96a0', help: 'speaker to statement' },
    about: { color: '#b3bac1', help: 'statement to what it mentions' },
    accused: { color: '#cc2a1e', help: 'X accused Y' },
    attends: { color: '#8a44a8', help: 'X attends a meeting' },
    cites: { color: '#d2691e', help: 'X cites a report' },
    member_of: { color: '#2f7fc0', help: 'X is a member of Y' },
    authored_by: { color: '#16977f', help: 'a report and its author' },
  };
  const edgeColor = (k) => (EDGE_KINDS[k] || { color: '#444' }).color;

  // ---- The model ----------------------------------------------------------
  const articles = raw.articles.map((a) => ({ label: a[0], digest: a[1], title: a[2], source: a[3], date: a[4] }));
  const nodes = raw.nodes.map((n, i) => ({
    i, id: n[0], kind: n[1], name: n[2], aliases: n[3], mentions: n[4], narticles: n[5],
  }));
  const sentences = raw.sentences;
  const edges = raw.edges.map((e, j) => ({ j, s: e[0], t: e[1], kind: e[2], neg: e[3] === 1, cue: e[4], ev: e[5] }));
  const out = nodes.map(() => []);
  const inc = nodes.map(() => []);
  for (const e of edges) { out[e.s].push(e); inc[e.t].push(e); }
  const isStatement = (i) => nodes[i].kind === 'statement';

  // Statements collapsed: one 'said about' pair per speaker and subject,
  // holding the statements it stands for.
  const pairs = [];
  const pairOut = nodes.map(() => []);
  const pairIn = nodes.map(() => []);
  {
    const byKey = new Map();
    for (const st of nodes) {
      if (st.kind !== 'statement') continue;
      const speakers = inc[st.i].filter((e) => e.kind === 'said').map((e) => e.s);
      const subjects = out[st.i].filter((e) => e.kind === 'about').map((e) => e.t);
      for (const a of speakers) {
        for (const b of subjects) {
          if (a === b) continue;
          const key = a + '>' + b;
          let p = byKey.get(key);
          if (!p) {
            p = { k: pairs.length, s: a, t: b, kind: 'said about', stmts: [] };
            pairs.push(p); byKey.set(key, p);
            pairOut[a].push(p); pairIn[b].push(p);
          }
          if (!p.stmts.includes(st.i)) p.stmts.push(st.i);
        }
      }
    }
  }

  // How many distinct actors each actor is linked to, directly or through a
  // statement: the ranking of the opening view.
  const reach = nodes.map((n) => {
    if (n.kind === 'statement') return 0;
    const seen = new Set();
    for (const e of out[n.i]) if (!isStatement(e.t)) seen.add(e.t);
    for (const e of inc[n.i]) if (!isStatement(e.s)) seen.add(e.s);
    for (const p of pairOut[n.i]) seen.add(p.t);
    for (const p of pairIn[n.i]) seen.add(p.s);
    seen.delete(n.i);
    return seen.size;
  });

  // ---- Search -------------------------------------------------------------
  /** Lower case, accents dropped, letters and digits only, one space between
   * words: "U.S." = "us", "Tomás" = "tomas" (as the command line matches). */
  function norm(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[\s\-_/\u2010-\u2015]+/g, ' ').replace(/[^\p{L}\p{N} ]/gu, '')
      .replace(/ +/g, ' ').trim();
  }
  const index = [];
  for (const n of nodes) {
    if (n.kind === 'statement') continue;
    const names = [n.name].concat(n.aliases);
    index.push({ i: n.i, names, keys: names.map(norm) });
  }

  /** The best matches of a query, best first: exact, then prefix, then a
   * word's prefix, then anywhere; names before aliases; then most linked. */
  function search(query, max) {
    const q = norm(query);
    if (!q) return [];
    const hits = [];
    for (const entry of index) {
      let best = 99; let which = 0;
      entry.keys.forEach((k, a) => {
        let tier = 99;
        if (k === q) tier = 0;
        else if (k.startsWith(q)) tier = 2;
        else if (k.includes(' ' + q)) tier = 4;
        else if (k.includes(q)) tier = 6;
        if (tier < 99 && a > 0) tier += 1;
        if (tier < best) { best = tier; which = a; }
      });
      if (best < 99) hits.push({ i: entry.i, tier: best, alias: which > 0 ? entry.names[which] : null });
    }
    hits.sort((x, y) => x.tier - y.tier || reach[y.i] - reach[x.i]
      || nodes[y.i].mentions - nodes[x.i].mentions || x.i - y.i);
    return hits.slice(0, max);
  }

  // ---- What is drawn ------------------------------------------------------
  const visible = new Set();
  const kindOn = {};
  for (const k of Object.keys(EDGE_KINDS)) kindOn[k] = true;
  let showStatements = false;
  let limit = 25;

  /** Whether a real edge is drawn under the current filters. */
  function edgeShown(e) {
    if (!kindOn[e.kind]) return false;
    if (!showStatements && (isStatement(e.s) || isStatement(e.t))) return false;
    return true;
  }
  const pairsShown = () => !showStatements && kindOn['said about'];

  /** Neighbours of i through what is drawn, with a weight: evidence count. */
  function neighbours(i) {
    const w = new Map();
    const add = (u, x) => { if (u !== i) w.set(u, (w.get(u) || 0) + x); };
    for (const e of out[i]) if (edgeShown(e)) add(e.t, Math.max(1, e.ev.length));
    for (const e of inc[i]) if (edgeShown(e)) add(e.s, Math.max(1, e.ev.length));
    if (pairsShown()) {
      for (const p of pairOut[i]) add(p.t, p.stmts.length);
      for (const p of pairIn[i]) add(p.s, p.stmts.length);
    }
    return w;
  }

  /** Neighbours of i not on the canvas, strongest first. */
  function hiddenNeighbours(i) {
    return [...neighbours(i)].filter(([u]) => !visible.has(u) && (showStatements || !isStatement(u)))
      .sort((a, b) => b[1] - a[1] || reach[b[0]] - reach[a[0]] || nodes[b[0]].mentions - nodes[a[0]].mentions || a[0] - b[0])
      .map(([u]) => u);
  }

  function shorten(s, n) { return s.length > n ? s.slice(0, n - 1).trimEnd() + '…' : s; }
  function nodeLabel(n) {
    return n.kind === 'statement' ? '“' + shorten(n.name, 48) + '”' : shorten(n.name, 40);
  }
  function nodeSize(n) {
    if (n.kind === 'statement') return 12;
    return Math.min(48, 16 + 5 * Math.log2(1 + n.mentions));
  }

  const cy = cytoscape({
    container: $('cy'),
    minZoom: 0.03,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    textureOnViewport: false,
    hideEdgesOnViewport: false,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(color)', shape: 'data(shape)', width: 'data(size)', height: 'data(size)',
          label: 'data(label)', 'font-size': 11, color: '#1d232a', 'text-valign': 'bottom', 'text-margin-y': 3,
          'text-wrap': 'wrap', 'text-max-width': 140,
          'text-background-color': '#ffffff', 'text-background-opacity': 0.75, 'text-background-padding': 1,
          'min-zoomed-font-size': 7, 'border-width': 1, 'border-color': '#ffffff',
        },
      },
      { selector: 'node[kind = "statement"]', style: { 'font-size': 9, 'font-style': 'italic', color: '#4a545e', 'text-max-width': 160 } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f0b400' } },
      { selector: 'node.found', style: { 'border-width': 3, 'border-color': '#f0b400' } },
      {
        selector: 'edge',
        style: {
          width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)',
          'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, 'curve-style': 'bezier', opacity: 0.75,
          'font-size': 9, color: '#33404c', 'text-rotation': 'autorotate',
          'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'min-zoomed-font-size': 7,
        },
      },
      { selector: 'edge[?neg]', style: { 'line-style': 'dashed' } },
      { selector: 'edge.faded', style: { opacity: 0.18 } },
      { selector: 'edge.near', style: { opacity: 1, 'z-index': 10 } },
      { selector: 'edge.labelled, edge:selected, edge.hover', style: { label: 'data(label)', opacity: 1, 'z-index': 11 } },
      { selector: 'edge:selected', style: { width: 4 } },
    ],
  });

  /** Draw exactly the visible nodes and the edges the filters keep between
   * them; a new node goes where `place` says, or near the centre. */
  function sync(place) {
    const want = new Set([...visible].filter((i) => showStatements || !isStatement(i)));
    cy.batch(() => {
      cy.nodes().forEach((n) => { if (!want.has(n.data('i'))) n.remove(); });
      const add = [];
      const ext = cy.extent();
      for (const i of want) {
        if (!cy.getElementById('n' + i).empty()) continue;
        const n = nodes[i];
        const k = kindOf(n.kind);
        const pos = (place && place.get(i))
          || { x: (ext.x1 + ext.x2) / 2 + (Math.random() - 0.5) * 100, y: (ext.y1 + ext.y2) / 2 + (Math.random() - 0.5) * 100 };
        add.push({ group: 'nodes', data: { id: 'n' + i, i, kind: n.kind, label: nodeLabel(n), color: k.color, shape: k.shape, size: nodeSize(n) }, position: pos });
      }
      cy.add(add);
      const wantEdges = new Map();
      for (const i of want) {
        for (const e of out[i]) {
          if (want.has(e.t) && edgeShown(e)) {
            const n = e.ev.length;
            wantEdges.set('e' + e.j, {
              id: 'e' + e.j, source: 'n' + e.s, target: 'n' + e.t, edge: e.j, color: edgeColor(e.kind), neg: e.neg,
              width: Math.min(6, 1.2 + Math.log2(Math.max(1, n))),
              label: (e.neg ? 'not ' : '') + e.kind + (n > 1 ? ' ×' + n : ''),
            });
          }
        }
        if (pairsShown()) {
          for (const p of pairOut[i]) {
            if (want.has(p.t)) {
              const n = p.stmts.length;
              wantEdges.set('p' + p.k, {
                id: 'p' + p.k, source: 'n' + p.s, target: 'n' + p.t, pair: p.k, color: edgeColor('said about'), neg: false,
                width: Math.min(6, 1 + Math.log2(1 + n)), label: 'said about' + (n > 1 ? ' ×' + n : ''),
              });
            }
          }
        }
      }
      cy.edges().forEach((ed) => { if (!wantEdges.has(ed.id())) ed.remove(); else wantEdges.delete(ed.id()); });
      cy.add([...wantEdges.values()].map((data) => ({ group: 'edges', data })));
    });
    markNear();
    status();
  }

  /** Positions on rings around i for the nodes `us`, ring after ring. */
  function rings(i, us) {
    const place = new Map();
    const c = cy.getElementById('n' + i);
    const centre = c.empty() ? { x: 0, y: 0 } : c.position();
    let r = 150; let at = 0;
    while (at < us.length) {
      const room = Math.max(6, Math.floor((2 * Math.PI * r) / 95));
      const here = us.slice(at, at + room);
      const turn = (at / room) * 0.5;
      here.forEach((u, k) => {
        const a = (2 * Math.PI * k) / here.length + turn - Math.PI / 2;
        place.set(u, { x: centre.x + r * Math.cos(a), y: centre.y + r * Math.sin(a) });
      });
      at += here.length; r += 110;
    }
    return place;
  }

  /** Add up to `limit` hidden neighbours of i around it. Returns how many
   * were added and how many are still hidden. */
  function expand(i, all, keepRings) {
    const hidden = hiddenNeighbours(i);
    const take = (all || !limit) ? hidden : hidden.slice(0, limit);
    for (const u of take) visible.add(u);
    if (!visible.has(i)) visible.add(i);
    sync(rings(i, take));
    if (!keepRings) settle(take);
    // Keep what was just added in sight.
    const ext = cy.extent();
    const outside = take.some((u) => {
      const c = cy.getElementById('n' + u);
      if (c.empty()) return false;
      const p = c.position();
      return p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2;
    });
    if (outside) cy.fit(undefined, 30);
    return { added: take.length, left: hidden.length - take.length };
  }

  /** Start over from i and its strongest neighbours. */
  function focusOn(i) {
    visible.clear();
    visible.add(i);
    cy.elements().remove();
    sync(new Map([[i, { x: 0, y: 0 }]]));
    expand(i, false, true);
    cy.fit(undefined, 40);
    select(i);
  }

  /** The most linked actors, laid out by force. */
  function topActors(n) {
    visible.clear();
    cy.elements().remove();
    const order = nodes.filter((x) => x.kind !== 'statement').sort((a, b) => reach[b.i] - reach[a.i] || b.mentions - a.mentions || a.i - b.i);
    for (const x of order.slice(0, n)) visible.add(x.i);
    sync();
    // An actor linked to none of the others would only push them together.
    for (const c of cy.nodes().filter((x) => x.degree(false) === 0)) visible.delete(c.data('i'));
    sync();
    layout();
    showIntro();
  }

  /** Force layout options: labels count as part of a node, so they keep apart. */
  function cose(iterations, temperature) {
    return {
      name: 'cose', animate: false, randomize: false, fit: false, nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 40000, idealEdgeLength: () => 110, edgeElasticity: () => 60, nodeOverlap: 40,
      gravity: 0.6, componentSpacing: 80, numIter: iterations, padding: 30, initialTemp: temperature || 1000,
    };
  }

  /** Lay out everything drawn again: by force up to 400 nodes, else in rings by reach. */
  function layout() {
    const n = cy.nodes().length;
    if (n === 0) return;
    const opts = n > 400
      ? { name: 'concentric', animate: false, concentric: (x) => reach[x.data('i')], levelWidth: () => 4, minNodeSpacing: 12 }
      : cose(1000);
    cy.layout(opts).run();
    cy.fit(undefined, 30);
  }

  /** Let newly added nodes find room among the others, which stay where
   * they are; skipped on a crowded canvas, where it would take seconds. */
  function settle(added) {
    if (added.length === 0 || cy.nodes().length > SETTLE_MAX) return;
    // A cool start: the nodes already drawn move a little, not across the canvas.
    cy.layout(cose(250, 150)).run();
  }
  const SETTLE_MAX = 100;

  /** Highlight the edges of the selected node and show their labels. */
  function markNear() {
    cy.batch(() => {
      cy.edges().removeClass('near labelled faded');
      const near = cy.nodes(':selected').connectedEdges();
      if (near.empty()) return;
      cy.edges().not(near).addClass('faded');
      near.addClass('near');
      // Labels only where they can be read: a dozen edges, not a hub's hundreds.
      if (near.length <= 12) near.addClass('labelled');
    });
  }

  let selected = null;
  function select(i) {
    selected = i;
    cy.nodes(':selected').unselect();
    const c = cy.getElementById('n' + i);
    if (!c.empty()) c.select();
    markNear();
    showNode(i);
  }

  /** Bring i onto the canvas (beside the selected node) and select it. */
  function goTo(i) {
    if (!showStatements && isStatement(i)) { selected = i; showNode(i); return; }
    if (!visible.has(i)) {
      visible.add(i);
      const from = selected !== null && visible.has(selected) ? selected : i;
      sync(rings(from, [i]));
    }
    const c = cy.getElementById('n' + i);
    if (!c.empty()) cy.animate({ center: { eles: c } }, { duration: 200 });
    select(i);
  }

  // ---- The details panel --------------------------------------------------
  const PAGE = 25;

  function nodeLink(u) {
    const n = nodes[u];
    const a = el('a', 'node-link', n.kind === 'statement' ? '“' + shorten(n.name, 90) + '”' : n.name);
    a.href = '#';
    a.title = n.id;
    a.addEventListener('click', (ev) => { ev.preventDefault(); goTo(u); });
    return a;
  }

  function evidenceList(ids) {
    const ul = el('ul');
    for (const s of ids) {
      const [art, idx, text] = sentences[s];
      const li = el('li', 'ev');
      li.append(el('span', 'sentence', text));
      const src = el('span', 'src');
      const a = articles[art];
      const label = el('span', 'art', a ? a.label : '(article not in the graph)');
      if (a) label.title = 'digest ' + a.digest;
      src.append(label, document.createTextNode(', sentence ' + idx));
      if (a && a.title) src.append(document.createTextNode(' · ' + a.title));
      if (a && a.date) src.append(document.createTextNode(' · ' + a.date));
      li.append(src);
      ul.append(li);
    }
    return ul;
  }

  /** A titled list that shows PAGE items and a button for the rest. */
  function section(parent, title, items, render) {
    if (items.length === 0) return;
    parent.append(el('h4', null, title + ' (' + items.length + ')'));
    const ul = el('ul');
    parent.append(ul);
    let shown = 0;
    const more = el('button', 'more');
    more.type = 'button';
    const step = () => {
      for (const it of items.slice(shown, shown + (shown === 0 ? PAGE : items.length))) ul.append(render(it));
      shown = Math.min(items.length, shown === 0 ? PAGE : items.length);
      if (shown < items.length) more.textContent = 'show all ' + items.length;
      else more.remove();
    };
    more.addEventListener('click', step);
    parent.append(more);
    step();
  }

  /** One edge as seen from `from`: the other end, denial, cue, evidence. */
  function edgeItem(e, from) {
    const li = el('li', 'item');
    const other = e.s === from ? e.t : e.s;
    li.append(nodeLink(other));
    if (e.neg) li.append(el('span', 'neg', 'denied'));
    if (e.cue) li.append(el('span', 'cue', '(' + e.cue + ')'));
    li.append(evidenceList(e.ev));
    return li;
  }

  /** A statement with its speaker(s) or subjects and the sentences it came from. */
  function statementItem(st, skip) {
    const li = el('li', 'item');
    const said = inc[st].filter((e) => e.kind === 'said');
    const line = el('div');
    const speakers = said.map((e) => e.s).filter((u) => u !== skip);
    if (speakers.length) {
      speakers.forEach((u, k) => { if (k) line.append(document.createTextNode(', ')); line.append(nodeLink(u)); });
      line.append(document.createTextNode(': '));
    }
    const words = el('a', 'words', '“' + nodes[st].name + '”');
    words.href = '#';
    words.addEventListener('click', (ev) => { ev.preventDefault(); goTo(st); });
    line.append(words);
    if (said.some((e) => e.neg)) line.append(el('span', 'neg', 'denied'));
    li.append(line);
    const about = out[st].filter((e) => e.kind === 'about' && e.t !== skip);
    if (about.length) {
      const ab = el('div', 'cue', 'about: ');
      about.forEach((e, k) => { if (k) ab.append(document.createTextNode(', ')); ab.append(nodeLink(e.t)); });
      li.append(ab);
    }
    const ev = [];
    for (const e of said.concat(out[st].filter((x) => x.kind === 'about'))) for (const s of e.ev) if (!ev.includes(s)) ev.push(s);
    li.append(evidenceList(ev));
    return li;
  }

  const OUT_TITLE = { accused: 'Accused', attends: 'Attends', cites: 'Cites', member_of: 'Member of', authored_by: 'Written by', said: 'Said', about: 'About' };
  const IN_TITLE = { accused: 'Accused by', attends: 'Attended by', cites: 'Cited by', member_of: 'Members', authored_by: 'Wrote', said: 'Said by', about: 'Mentioned in' };

  function kindBadge(kind) {
    const b = el('span', 'kind', kind);
    b.style.background = kindOf(kind).color;
    return b;
  }

  function button(parent, text, onClick, title) {
    const b = el('button', null, text);
    b.type = 'button';
    if (title) b.title = title;
    b.addEventListener('click', onClick);
    parent.append(b);
    return b;
  }

  function showNode(i) {
    const d = $('details');
    d.replaceChildren();
    const n = nodes[i];
    const head = el('div');
    head.append(kindBadge(n.kind), el('span', 'id', n.id));
    d.append(head);
    if (n.kind === 'statement') d.append(el('h2', 'statement', '“' + n.name + '”'));
    else d.append(el('h2', null, n.name));
    d.append(el('div', 'cue', n.mentions + ' mention' + (n.mentions === 1 ? '' : 's') + ' in ' + n.narticles + ' article' + (n.narticles === 1 ? '' : 's')));

    const actions = el('div', 'actions');
    const hidden = hiddenNeighbours(i).length;
    if (showStatements || n.kind !== 'statement') {
      const label = hidden ? 'Expand (' + Math.min(hidden, limit || hidden) + ' of ' + hidden + ' more)' : 'Expand (none hidden)';
      const b = button(actions, label, () => { expand(i); select(i); }, 'Add its strongest neighbours to the canvas');
      b.disabled = hidden === 0;
      if (visible.has(i)) {
        button(actions, 'Remove', () => { visible.delete(i); sync(); d.replaceChildren(el('p', 'hint', 'Removed ' + n.name + ' from the canvas.')); });
      } else {
        button(actions, 'Show on canvas', () => goTo(i));
      }
      button(actions, 'Start here', () => focusOn(i), 'Clear the canvas and show this node with its neighbours');
    }
    d.append(actions);

    if (n.aliases.length) {
      d.append(el('h4', null, 'Also called (' + n.aliases.length + ')'));
      const ul = el('ul', 'aliases');
      for (const a of n.aliases) ul.append(el('li', null, a));
      d.append(ul);
    }

    if (n.kind === 'statement') {
      section(d, 'Said by', inc[i].filter((e) => e.kind === 'said'), (e) => edgeItem(e, i));
      section(d, 'About', out[i].filter((e) => e.kind === 'about'), (e) => edgeItem(e, i));
      for (const e of out[i].concat(inc[i])) {
        if (e.kind !== 'said' && e.kind !== 'about') section(d, e.kind, [e], (x) => edgeItem(x, i));
      }
      return;
    }
    const statements = out[i].filter((e) => e.kind === 'said' && isStatement(e.t)).map((e) => e.t);
    section(d, 'Statements', [...new Set(statements)], (st) => statementItem(st, i));
    const mentionedIn = inc[i].filter((e) => e.kind === 'about' && isStatement(e.s)).map((e) => e.s);
    section(d, 'Statements about ' + n.name, [...new Set(mentionedIn)], (st) => statementItem(st, i));
    const groups = new Map();
    for (const e of out[i]) {
      if (e.kind === 'said' && isStatement(e.t)) continue;
      const key = (OUT_TITLE[e.kind] || e.kind + ' →');
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(e);
    }
    for (const e of inc[i]) {
      if (e.kind === 'about' && isStatement(e.s)) continue;
      const key = (IN_TITLE[e.kind] || '← ' + e.kind);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(e);
    }
    for (const [title, list] of groups) {
      list.sort((a, b) => b.ev.length - a.ev.length || a.j - b.j);
      section(d, title, list, (e) => edgeItem(e, i));
    }
  }

  function showEdge(data) {
    const d = $('details');
    d.replaceChildren();
    if (data.pair !== undefined) {
      const p = pairs[data.pair];
      const h = el('h2');
      h.append(nodeLink(p.s), document.createTextNode(' said about '), nodeLink(p.t));
      d.append(h);
      section(d, 'Statements', p.stmts, (st) => statementItem(st, -1));
      return;
    }
    const e = edges[data.edge];
    const h = el('h2');
    h.append(nodeLink(e.s), document.createTextNode(' ' + (e.neg ? 'not ' : '') + e.kind + ' '), nodeLink(e.t));
    d.append(h);
    if (e.cue) d.append(el('div', 'cue', 'cue: ' + e.cue));
    d.append(el('h4', null, 'Evidence (' + e.ev.length + ')'));
    d.append(evidenceList(e.ev));
  }

  function showIntro() {
    const d = $('details');
    d.replaceChildren();
    d.append(el('h2', null, 'Graph explorer'));
    d.append(el('p', 'hint', articles.length + ' articles, ' + nodes.length + ' nodes, ' + edges.length + ' edges. '
      + 'The canvas starts with the ' + cy.nodes().length + ' most linked actors. Search above, or click a node to see its names, statements and every edge with the sentences it was read in.'));
  }

  function status() {
    const parts = [cy.nodes().length + ' nodes and ' + cy.edges().length + ' edges on the canvas',
      'graph: ' + nodes.length + ' nodes, ' + edges.length + ' edges, ' + articles.length + ' articles'];
    if (window.newsgraph && window.newsgraph.timings.ready) parts.push('opened in ' + Math.round(window.newsgraph.timings.ready) + ' ms');
    $('status').textContent = parts.join(' · ');
  }

  // ---- Controls -----------------------------------------------------------
  const kinds = $('kinds');
  for (const [k, v] of Object.entries(EDGE_KINDS)) {
    const label = el('label');
    label.title = v.help;
    const box = el('input');
    box.type = 'checkbox';
    box.checked = true;
    box.dataset.kind = k;
    box.addEventListener('change', () => { kindOn[k] = box.checked; sync(); if (selected !== null) showNode(selected); });
    const sw = el('span', 'swatch');
    sw.style.background = v.color;
    label.append(box, sw, document.createTextNode(k));
    kinds.append(label);
  }
  const negLabel = el('label');
  const negSw = el('span', 'swatch dashed');
  negLabel.append(negSw, document.createTextNode('denied (dashed)'));
  kinds.append(negLabel);
  function greyKinds() {
    for (const label of kinds.querySelectorAll('label')) {
      const box = label.querySelector('input');
      if (!box) continue;
      const k = box.dataset.kind;
      const moot = showStatements ? k === 'said about' : (k === 'said' || k === 'about');
      label.classList.toggle('off', moot);
      box.disabled = moot;
    }
  }
  greyKinds();

  const legend = $('legend');
  for (const [k, v] of Object.entries(NODE_KINDS)) {
    const row = el('div');
    const shape = el('span', 'shape');
    shape.style.background = v.color;
    shape.style.clipPath = v.clip;
    row.append(shape, document.createTextNode(k));
    legend.append(row);
  }

  $('statements').addEventListener('change', (ev) => {
    showStatements = ev.target.checked;
    greyKinds();
    const place = new Map();
    if (showStatements) {
      // The statements behind the collapsed edges now drawn.
      for (const p of pairs) {
        if (!visible.has(p.s) || !visible.has(p.t)) continue;
        const a = cy.getElementById('n' + p.s).position();
        const b = cy.getElementById('n' + p.t).position();
        p.stmts.forEach((st, k) => {
          if (visible.has(st)) return;
          visible.add(st);
          const f = (k + 1) / (p.stmts.length + 1);
          place.set(st, { x: a.x + (b.x - a.x) * f + (k % 2 ? 12 : -12), y: a.y + (b.y - a.y) * f + (k % 2 ? 12 : -12) });
        });
      }
    } else {
      for (const i of [...visible]) if (isStatement(i)) visible.delete(i);
    }
    sync(place);
    if (selected !== null) showNode(selected);
  });
  $('limit').addEventListener('change', (ev) => { limit = Number(ev.target.value); if (selected !== null) showNode(selected); });
  $('top').addEventListener('click', () => topActors(TOP));
  $('layout').addEventListener('click', layout);
  $('fit').addEventListener('click', () => cy.fit(undefined, 30));
  $('clear').addEventListener('click', () => { visible.clear(); sync(); showIntro(); });

  cy.on('tap', 'node', (ev) => select(ev.target.data('i')));
  cy.on('dbltap', 'node', (ev) => { const i = ev.target.data('i'); expand(i); select(i); });
  cy.on('tap', 'edge', (ev) => showEdge(ev.target.data()));
  cy.on('mouseover', 'edge', (ev) => ev.target.addClass('hover'));
  cy.on('mouseout', 'edge', (ev) => ev.target.removeClass('hover'));
  cy.on('tap', (ev) => { if (ev.target === cy) { cy.nodes(':selected').unselect(); markNear(); } });

  // The search box: suggestions as one types, arrows and Enter to pick.
  const input = $('search');
  const results = $('results');
  let hits = [];
  let active = 0;
  function renderResults() {
    results.replaceChildren();
    if (!input.value.trim()) { results.hidden = true; return; }
    if (hits.length === 0) {
      results.append(el('li', 'none', 'No actor is called that'));
    }
    hits.forEach((h, k) => {
      const n = nodes[h.i];
      const li = el('li', k === active ? 'active' : null);
      li.setAttribute('role', 'option');
      li.append(el('span', 'name', n.name));
      const meta = [n.kind, n.mentions + ' mentions'];
      if (h.alias) meta.unshift('as “' + h.alias + '”');
      li.append(document.createTextNode(' '), el('span', 'meta', meta.join(' · ')));
      li.addEventListener('mousedown', (ev) => { ev.preventDefault(); pick(k); });
      results.append(li);
    });
    results.hidden = false;
  }
  function pick(k) {
    const h = hits[k];
    if (!h) return;
    results.hidden = true;
    input.value = nodes[h.i].name;
    focusOn(h.i);
    cy.getElementById('n' + h.i).addClass('found');
  }
  input.addEventListener('input', () => { hits = search(input.value, 20); active = 0; renderResults(); });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') { active = Math.min(hits.length - 1, active + 1); renderResults(); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp') { active = Math.max(0, active - 1); renderResults(); ev.preventDefault(); }
    else if (ev.key === 'Enter') { pick(active); ev.preventDefault(); }
    else if (ev.key === 'Escape') { results.hidden = true; }
  });
  input.addEventListener('blur', () => { results.hidden = true; });
  input.addEventListener('focus', () => { if (input.value.trim()) renderResults(); });

  // ---- Open ---------------------------------------------------------------
  const TOP = 30;
  const modelled = performance.now();
  window.newsgraph = {
    cy, nodes, search, expand, focusOn, select,
    timings: { parse: parsed - started, model: modelled - parsed },
  };
  topActors(TOP);
  window.newsgraph.timings.draw = performance.now() - modelled;
  window.newsgraph.timings.ready = performance.now();
  window.newsgraph.ready = true;
  status();
}());
