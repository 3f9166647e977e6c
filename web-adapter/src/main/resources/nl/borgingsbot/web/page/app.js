// The playground page. Every text goes in with textContent (never innerHTML): what a person typed
// can never take effect as markup. Labels come from the server (the core's parts, the page bundle).
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const state = { texts: {}, people: [], manager: '', region: '', entries: new Map(), current: '', token: sessionStorage.getItem('playgroundToken') || '' };
  let events = null;

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([k, v]) => {
      if (k === 'text') node.textContent = v;
      else if (k === 'class') node.className = v;
      else node.setAttribute(k, v);
    });
    (children || []).forEach((c) => c && node.appendChild(c));
    return node;
  }
  const t = (key, arg) => (state.texts[key] || key).replace('{0}', arg === undefined ? '' : arg);
  const withToken = (url) => state.token ? url + (url.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(state.token) : url;

  async function api(path, body) {
    const headers = { 'Content-Type': 'application/json' };
    if (state.token) headers['X-Playground-Token'] = state.token;
    const response = await fetch(path, body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) });
    if (response.status === 401) { askToken(true); throw new Error('token'); }
    return response;
  }

  function askToken(wrong) {
    $('main').hidden = true;
    $('token').hidden = false;
    $('token-wrong').hidden = !(wrong && state.token);
    $('token-input').focus();
  }

  function name(id) {
    if (id === 'bot') return t('bot');
    const person = state.people.find((p) => p.id === id);
    return person ? person.name : id;
  }

  function buttons(entry, choices) {
    return el('div', { class: 'buttons' }, choices.map((choice) => {
      const button = el('button', { type: 'button', text: choice.label });
      button.addEventListener('click', () => {
        button.disabled = true;
        const as = entry.conversation === 'channel' ? state.manager : entry.conversation.substring(3);
        api('api/click', { as, entry: entry.id, actionId: choice.actionId, value: choice.value }).catch(() => {});
      });
      return button;
    }));
  }

  function part(entry, p) {
    const answered = entry.answered !== '';
    switch (p.kind) {
      case 'heading': return el('h3', { text: p.text });
      case 'paragraph': return el('p', { text: p.text });
      case 'usertext': return el('div', { class: 'usertext' }, [p.attribution ? el('strong', { text: p.attribution + ': ' }) : null, document.createTextNode(p.text)]);
      case 'bullets': return el('ul', {}, p.items.map((item) => el('li', { text: item })));
      case 'facts': return el('dl', { class: 'facts' }, p.facts.flatMap((f) => [el('dt', { text: f.label }), el('dd', { text: f.value })]));
      case 'choice': return el('div', { class: 'question' }, [el('p', { text: p.text }), answered ? null : buttons(entry, p.choices)]);
      case 'textquestion': return el('p', { class: 'question', text: p.text });
      case 'actions': return answered ? null : buttons(entry, p.choices);
      case 'image': return el('img', { class: 'radar', src: withToken(p.src), alt: p.alt });
      case 'file': return el('p', {}, [el('a', { href: withToken(p.href), download: p.fileName, text: t('download', p.fileName) }), p.description ? el('span', { text: ' — ' + p.description }) : null]);
      default: return null;
    }
  }

  function render(entry) {
    const head = el('div', {}, [el('span', { class: 'author', text: name(entry.author) }), entry.visibleTo ? el('span', { class: 'only', text: t('onlyYou') }) : null]);
    const body = entry.typed ? [el('p', { class: 'usertext', text: entry.typed })] : entry.parts.map((p) => part(entry, p));
    const li = el('li', { class: 'msg', id: 'm' + entry.id, 'data-id': String(entry.id) }, [head, ...body]);
    if (entry.answered) li.appendChild(el('p', { class: 'answered', text: t('answered', entry.answered) }));
    if (entry.conversation === 'channel' && !entry.thread) {
      li.appendChild(el('ol', { class: 'thread', id: 't' + entry.id, 'aria-label': t('thread'), hidden: '' }));
    }
    return li;
  }

  function container(entry) {
    if (entry.conversation === 'channel') return entry.thread ? $('t' + entry.thread) : $('channel-messages');
    return entry.conversation === 'dm:' + state.current ? $('dm-messages') : null;
  }

  function show(entry) {
    const list = container(entry);
    if (!list) return;
    const old = document.getElementById('m' + entry.id);
    const hadFocus = old && old.contains(document.activeElement);
    const node = render(entry);
    if (old) {
      const thread = old.querySelector(':scope > ol.thread');
      if (thread) node.replaceChild(thread, node.querySelector(':scope > ol.thread'));
      old.replaceWith(node);
      if (hadFocus) (container(entry) === $('dm-messages') ? $('dm-text') : $('channel-text')).focus();
    } else {
      list.appendChild(node);
      list.hidden = false;
      const first = node.querySelector('button');
      const focus = document.activeElement;
      if (first && list === $('dm-messages') && (!focus || focus === document.body || list.contains(focus) || focus === $('dm-text'))) first.focus();
      const scroller = list.closest('.messages') || list;
      scroller.scrollTop = scroller.scrollHeight;
    }
  }

  function showPerson(id) {
    state.current = id;
    document.querySelectorAll('#people [role=tab]').forEach((tab) => tab.setAttribute('aria-selected', String(tab.dataset.person === id)));
    $('dm-messages').replaceChildren();
    $('dm-messages').setAttribute('aria-label', t('person') + ' ' + name(id));
    [...state.entries.values()].filter((e) => e.conversation === 'dm:' + id).forEach(show);
  }

  function upsert(entry) {
    state.entries.set(entry.id, entry);
    show(entry);
  }

  async function load() {
    let response;
    try { response = await api('api/state'); } catch (e) { return; }
    const data = await response.json();
    state.texts = data.texts; state.people = data.people; state.manager = data.manager; state.region = data.region;
    document.querySelectorAll('[data-text]').forEach((node) => { node.textContent = t(node.dataset.text); });
    document.title = t('title');
    $('channel-title').textContent = t('channel') + ' · ' + data.region;
    $('channel-text').placeholder = t('channel.placeholder');
    $('dm-text').placeholder = t('dm.placeholder');
    $('people').replaceChildren(...state.people.map((p) => {
      const tab = el('button', { type: 'button', role: 'tab', 'data-person': p.id, text: p.name + (p.id === state.manager ? ' · ' + t('manager') : p.organisation ? ' · ' + p.organisation : '') });
      tab.addEventListener('click', () => showPerson(p.id));
      return tab;
    }));
    $('token').hidden = true;
    $('main').hidden = false;
    state.entries.clear();
    $('channel-messages').replaceChildren();
    data.entries.forEach((entry) => { state.entries.set(entry.id, entry); if (entry.conversation === 'channel') show(entry); });
    showPerson(state.current || (state.people[1] || state.people[0]).id);
    listen();
  }

  function listen() {
    if (events) return;
    events = new EventSource(withToken('api/events'));
    events.addEventListener('entry', (e) => upsert(JSON.parse(e.data)));
    events.addEventListener('reset', () => { state.current = ''; load(); });
    // on every (re)connection: what was said while not listening, from the state
    events.addEventListener('hello', () => { $('offline').hidden = true; load(); });
    events.onerror = () => { $('offline').hidden = false; };
  }

  function composer(form, input, where) {
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      input.value = '';
      api('api/say', { as: where === 'channel' ? state.manager : state.current, where, text }).catch(() => {});
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    composer($('channel-form'), $('channel-text'), 'channel');
    composer($('dm-form'), $('dm-text'), 'dm');
    $('others').addEventListener('click', () => api('api/others', {}).catch(() => {}));
    $('reset').addEventListener('click', () => { if (window.confirm(t('reset.confirm'))) api('api/reset', {}).catch(() => {}); });
    $('token').addEventListener('submit', (e) => {
      e.preventDefault();
      state.token = $('token-input').value;
      sessionStorage.setItem('playgroundToken', state.token);
      load();
    });
    load();
  });
})();
