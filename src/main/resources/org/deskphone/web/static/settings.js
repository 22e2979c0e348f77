// Settings pages: every parameter of a section, as the catalogue describes it (type, range, default,
// source), saved as one change that the phone accepts whole or refuses with its own messages.
import { get, post } from './api.js';
import { h, clear, card, label, problem, busy, toast } from './ui.js';

let keyTypes = null;
async function keyTypeNames() {
  if (!keyTypes) keyTypes = await (await fetch('key-types.json')).json();
  return keyTypes;
}

function typeTable(family) {
  if (!keyTypes || !family.endsWith('.type')) return null;
  const prefix = Object.keys(keyTypes.families).find((p) => family.startsWith(p));
  return prefix ? keyTypes.tables[keyTypes.families[prefix]] : null;
}

/** One setting's input, with what it started as. */
function control(item, id) {
  const type = item.type;
  const disabled = !item.writable;
  const optional = /^\w+\?/.test(type.spec);
  let input;
  if (type.kind === 'bool' && !optional) {
    input = h('input', { type: 'checkbox', id, disabled, class: 'switch' });
    input.checked = item.value === '1';
    return { input, value: () => (input.checked ? '1' : '0'), original: item.value === '1' ? '1' : '0' };
  }
  if (type.choices || type.kind === 'bool') {
    const names = typeTable(item.family);
    const choices = type.choices || ['0', '1'];
    input = h('select', { id, disabled },
      optional ? h('option', { value: '' }, '(not set)') : null,
      choices.map((c) => h('option', { value: c }, names && names[c] ? `${c} · ${names[c]}` : type.kind === 'bool' ? (c === '1' ? 'On' : 'Off') : c)));
    input.value = item.value;
  } else if (item.secret) {
    input = h('input', { type: 'password', id, disabled, autocomplete: 'new-password', maxlength: type.maxLength,
      placeholder: item.set ? 'set (type to replace)' : 'not set' });
    return { input, value: () => input.value, original: '', changed: () => input.value !== '' };
  } else if (type.kind === 'int' || type.kind === 'float') {
    input = h('input', { type: 'number', id, disabled, min: type.min, max: type.max, step: type.kind === 'float' ? 'any' : '1',
      inputmode: 'numeric' });
    input.value = item.value;
  } else if (type.kind === 'time') {
    input = h('input', { type: 'time', id, disabled });
    input.value = item.value;
  } else {
    input = h('input', { type: 'text', id, disabled, maxlength: type.maxLength, spellcheck: 'false', autocomplete: 'off' });
    input.value = item.value;
  }
  return { input, value: () => input.value, original: item.value };
}

function sourceText(source) {
  if (source === 'factory') return 'factory default';
  if (source === 'local') return 'changed here';
  return source.replace(/^provisioned /, 'from ');
}

/** How many parts of a setting's name the page already says: up to its first number (account 2), else the first. */
function drop(item) {
  const at = item.family.split('.').findIndex((part) => /^[A-Z]$/.test(part));
  return at < 0 ? 1 : at + 1;
}

/** The settings of one section as a form: a row per setting, or a table with a row per index. */
function form(items, { table, reload }) {
  const message = h('div', { class: 'messages' });
  const fields = [];
  let body;
  const uid = Math.random().toString(36).slice(2, 8);
  if (table) {
    const byIndex = new Map();
    const columns = [];
    for (const item of items) {
      const index = item.name.split('.')[1];
      const column = item.name.split('.').slice(2).join('.');
      if (!columns.includes(column)) columns.push(column);
      if (!byIndex.has(index)) byIndex.set(index, new Map());
      byIndex.get(index).set(column, item);
    }
    body = h('div', { class: 'table-wrap' }, h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, h('th', {}, '#'), columns.map((c) => h('th', {}, label(c, 0))))),
      h('tbody', {}, [...byIndex.entries()].map(([index, row]) => h('tr', { dataset: { index } }, h('th', {}, index),
        columns.map((column) => {
          const item = row.get(column);
          if (!item) return h('td', {});
          const field = { item, ...control(item, `f-${uid}-${fields.length}`) };
          field.input.title = `${item.name} — ${item.type.permitted}`;
          field.input.setAttribute('aria-label', `${label(column, 0)} ${index}`);
          field.input.dataset.name = item.name;
          fields.push(field);
          return h('td', {}, field.input);
        }))))));
  } else {
    body = h('div', { class: 'rows' }, items.map((item) => {
      const id = `f-${uid}-${fields.length}`;
      const field = { item, ...control(item, id) };
      field.input.dataset.name = item.name;
      field.error = h('div', { class: 'field-error', hidden: true });
      fields.push(field);
      const reset = item.source === 'local' && item.writable
        ? h('button', { type: 'button', class: 'link small', title: 'Go back to the provisioned or factory value',
          onclick: (e) => busy(e.target, message, async () => { await post('/api/settings/reset', { names: [item.name] }); toast('Reset'); reload(); }) }, 'reset')
        : null;
      return h('div', { class: 'row', dataset: { filter: `${item.name} ${item.xml || ''} ${label(item.name, drop(item))}`.toLowerCase() } },
        h('label', { for: id }, label(item.name, drop(item)), item.restart ? h('span', { class: 'badge', title: 'Takes effect after a restart' }, 'restart') : null),
        h('div', { class: 'control' }, field.input, field.error),
        h('div', { class: 'hint' }, h('span', {}, item.type.permitted), ' · ', h('span', { class: `source ${item.source.split(' ')[0]}` }, sourceText(item.source)),
          item.default !== '' && !item.secret ? ` · default ${item.default}` : null, reset,
          h('code', { class: 'names' }, item.name, item.xml ? ` · ${item.xml}` : '')));
    }));
  }
  const writable = items.some((i) => i.writable);
  const save = h('button', { type: 'submit', class: 'primary', hidden: !writable }, 'Save');
  const element = h('form', { class: 'settings', novalidate: true, onsubmit: (event) => {
    event.preventDefault();
    const values = {};
    for (const field of fields) {
      const changed = field.changed ? field.changed() : field.value() !== field.original;
      if (changed) values[field.item.name] = field.value();
    }
    if (Object.keys(values).length === 0) { toast('Nothing to save'); return; }
    fields.forEach((f) => { f.input.classList.remove('invalid'); if (f.error) f.error.hidden = true; });
    busy(save, message, async () => {
      try {
        const result = await post('/api/settings', { values });
        toast(result.restart ? 'Saved; the phone restarts to apply it' : `Saved (${result.changed.length} changed)`);
        if (result.restart) document.dispatchEvent(new CustomEvent('phone-restarting'));
        else reload();
      } catch (error) {
        for (const line of error.problems.length ? error.problems : [error.message]) {
          const field = fields.find((f) => line.startsWith(`${f.item.name}:`));
          if (field) {
            field.input.classList.add('invalid');
            if (field.error) { field.error.textContent = line.slice(field.item.name.length + 1).trim(); field.error.hidden = false; }
          }
        }
        throw error;
      }
    });
  } }, message, body, h('div', { class: 'actions' }, save));
  return element;
}

/** One section of a page, loaded for {@code index} (an account, a key) when its settings are numbered. */
export async function section(pageId, info, container, index) {
  const query = `/api/settings?page=${encodeURIComponent(pageId)}&section=${encodeURIComponent(info.id)}`
    + (index !== undefined ? `&index=${index}` : '');
  clear(container, h('p', { class: 'muted' }, 'Loading…'));
  try {
    const [data] = await Promise.all([get(query), keyTypeNames()]);
    clear(container, data.items.length ? form(data.items, { table: info.table, reload: () => section(pageId, info, container, index) })
      : h('p', { class: 'muted' }, 'Nothing here you may see.'));
  } catch (error) {
    clear(container, problem(error));
  }
}

const INDEX_NAMES = { account: 'Account', nat: 'Account', forward: 'Account', dnd: 'Account', intercom: 'Account', expansion: 'Module' };

/** Cards for a page's sections; numbered ones get a picker (account 1-20, module 1-6). */
export function sections(pageInfo, only) {
  return pageInfo.sections.filter((s) => !only || only.includes(s.id)).map((info) => {
    const container = h('div', {});
    let picker = null;
    if (info.indexes && !info.table) {
      const name = INDEX_NAMES[info.id] || 'Number';
      const options = [];
      for (let i = info.indexes.from; i <= info.indexes.to; i++) options.push(h('option', { value: i }, `${name} ${i}`));
      picker = h('select', { class: 'picker', 'aria-label': name, onchange: () => section(pageInfo.id, info, container, picker.value) }, options);
      section(pageInfo.id, info, container, info.indexes.from);
    } else {
      section(pageInfo.id, info, container);
    }
    return h('section', { class: 'card', dataset: { section: info.id } },
      h('div', { class: 'card-head' }, h('h2', {}, info.title), picker), container);
  });
}

/** A filter box that hides rows whose names do not contain what is typed. */
export function filter() {
  return h('input', { type: 'search', class: 'filter', placeholder: 'Filter settings…', 'aria-label': 'Filter settings',
    oninput: (event) => {
      const text = event.target.value.trim().toLowerCase();
      document.querySelectorAll('#main .row').forEach((row) => { row.hidden = text !== '' && !row.dataset.filter.includes(text); });
    } });
}

export { card };
