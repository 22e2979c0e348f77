// The local directory: the contacts, import from a Yealink, ALE or CSV file, export in any of them.
import { get, post, readFile } from './api.js';
import { h, clear, page, card, problem, busy, toast, filePicker, saveFile } from './ui.js';
import { sections } from './settings.js';

export function directory(info) {
  const list = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const where = h('div', { class: 'messages' });
  const load = async () => {
    try {
      const data = await get('/api/directory');
      clear(list, data.contacts.length === 0 ? h('p', { class: 'muted' }, 'No contacts.')
        : h('div', { class: 'table-wrap' }, h('table', { class: 'list', id: 'contacts' },
          h('thead', {}, h('tr', {}, ['Name', 'Office', 'Mobile', 'Other', 'Group'].map((t) => h('th', {}, t)))),
          h('tbody', {}, data.contacts.map((c) => h('tr', {}, h('td', {}, c.name), h('td', {}, c.officeNumber), h('td', {}, c.mobileNumber),
            h('td', {}, c.otherNumber), h('td', {}, c.group)))))),
      data.file ? h('p', { class: 'muted small' }, `${data.contacts.length} contacts from ${data.file}`) : null,
      data.warnings.length ? h('details', {}, h('summary', {}, `${data.warnings.length} warnings`), h('ul', {}, data.warnings.map((w) => h('li', {}, w)))) : null);
    } catch (error) {
      clear(list, problem(error));
    }
  };
  const importer = filePicker('Import contacts…', '.xml,.csv', (file, button) => busy(button, where, async () => {
    const result = await post('/api/directory/import', await readFile(file));
    toast(`${result.contacts} contacts imported`);
    if (result.warnings.length) where.append(h('div', { class: 'problem' }, h('strong', {}, 'Imported with warnings'), h('ul', {}, result.warnings.map((w) => h('li', {}, w)))));
    load();
  }));
  page(info.title,
    card('Contacts', h('p', { class: 'muted' }, 'Import replaces the contacts. Yealink XML, ALE XML and CSV files with a header row are read.'),
      where, h('div', { class: 'actions left' }, info.writable ? importer : null,
        ['yealink', 'ale', 'csv'].map((f) => h('button', { type: 'button', onclick: () => saveFile(`/api/directory/export?format=${f}`) }, `Export ${f === 'csv' ? 'CSV' : f === 'ale' ? 'ALE XML' : 'Yealink XML'}`))),
      list),
    sections(info));
  load();
}
