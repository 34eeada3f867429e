// Admins: users (list, change role, delete) and auth's audit events.
import * as api from '../api.js';
import { field, formatDate, h, messageBox, page, say, showProblem, table, values } from '../dom.js';

const ROLES = [['reader', 'reader'], ['editor', 'editor'], ['admin', 'admin']];

export async function users({ main, query, go }) {
  const box = messageBox();
  page(main, 'Users', box);
  let answer;
  try {
    answer = (await api.get('auth', `/users${api.query({ limit: 50, cursor: query.get('cursor') })}`)).body;
  } catch (error) {
    showProblem(box, error);
    return;
  }
  const me = api.currentUser();
  main.append(table('Users', ['Username', 'Role', 'Member since', ''], answer.items.map((user) => {
    const role = h('select', { 'aria-label': `Role of ${user.username}`, name: 'role' },
      ROLES.map(([value, text]) => h('option', { value, selected: value === user.role }, text)));
    const change = h('button', { type: 'button', class: 'change-role', onclick: async () => {
      change.disabled = true;
      try {
        await api.call('auth', 'PATCH', `/users/${user.id}`, { body: { role: role.value } });
        say(box, `${user.username} is now ${role.value}; their sessions were ended, so they log in again.`);
        user.role = role.value;
      } catch (error) {
        role.value = user.role;
        showProblem(box, error);
      } finally {
        change.disabled = false;
      }
    } }, 'Change role');
    const remove = h('button', { type: 'button', class: 'danger', onclick: async () => {
      if (!window.confirm(`Delete the account ${user.username} for good?`)) return;
      try {
        await api.call('auth', 'DELETE', `/users/${user.id}`);
        go(`#/admin/users${api.query({ cursor: query.get('cursor') })}`, `${user.username} deleted.`);
      } catch (error) {
        showProblem(box, error);
      }
    } }, 'Delete');
    return h('tr', { 'data-username': user.username },
      h('td', {}, user.username, me?.username === user.username ? ' (you)' : ''),
      h('td', {}, h('div', { class: 'stock-controls' }, role, change)),
      h('td', {}, formatDate(user.createdAt)),
      h('td', {}, remove));
  })));
  if (answer.next) {
    main.append(h('nav', { class: 'pager', 'aria-label': 'User pages' },
      h('a', { href: `#/admin/users${api.query({ cursor: answer.next })}`, rel: 'next' }, 'Next page')));
  }
}

const EVENT_COLUMNS = ['When', 'Type', 'Actor', 'Subject', 'Request', 'Client'];

export async function audit({ main, query }) {
  const box = messageBox();
  const filters = { type: query.get('type') ?? '', userId: query.get('userId') ?? '' };
  const form = h('form', { class: 'search', 'aria-label': 'Filter audit events', onsubmit: (event) => {
    event.preventDefault();
    location.hash = `#/admin/audit${api.query(values(form))}`;
  } },
  field({ label: 'Type', name: 'type', value: filters.type, hint: 'Such as LOGIN_FAILED' }),
  field({ label: 'User id', name: 'userId', type: 'number', min: 1, value: filters.userId }),
  h('button', { type: 'submit' }, 'Filter'));
  page(main, 'Audit events', form, box);
  let answer;
  try {
    answer = (await api.get('auth', `/audit-events${api.query({ ...filters, limit: 50, cursor: query.get('cursor') })}`)).body;
  } catch (error) {
    if (error.status === 404) {
      say(box, 'This auth server does not provide audit events yet (GET /audit-events answered 404). '
        + 'They appear here once auth is upgraded.', 'error');
    } else {
      showProblem(box, error, form);
    }
    return;
  }
  main.append(answer.items.length
    ? table('Security events, newest first', EVENT_COLUMNS, answer.items.map((event) => h('tr', {},
      h('td', {}, formatDate(event.at)), h('td', {}, event.type), h('td', {}, text(event.actorId)),
      h('td', {}, text(event.subjectId)), h('td', { class: 'mono' }, text(event.requestId)), h('td', {}, text(event.client)))))
    : h('p', { class: 'empty' }, 'No events match.'));
  if (answer.next) {
    main.append(h('nav', { class: 'pager', 'aria-label': 'Event pages' },
      h('a', { href: `#/admin/audit${api.query({ ...filters, cursor: answer.next })}`, rel: 'next' }, 'Next page')));
  }
}

function text(value) {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
