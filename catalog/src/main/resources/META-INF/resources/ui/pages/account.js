// Home, sign up, log in and my account.
import * as api from '../api.js';
import { busy, field, formatDate, h, messageBox, page, say, showProblem, values } from '../dom.js';

export function home({ main }) {
  const user = api.currentUser();
  if (!user) {
    page(main, 'Welcome to Videoclub',
      h('p', {}, 'Our neighbourhood bookshop: browse the catalogue, see what is in stock and at what price.'),
      h('p', { class: 'actions' }, h('a', { class: 'button', href: '#/login' }, 'Log in'), ' ',
        h('a', { class: 'button secondary', href: '#/signup' }, 'Sign up')));
    return;
  }
  const search = h('form', { role: 'search', class: 'inline', onsubmit: (event) => {
    event.preventDefault();
    location.hash = `#/books${api.query(values(event.target))}`;
  } }, field({ label: 'Search books by title or author', name: 'q', type: 'search' }), h('button', { type: 'submit' }, 'Search'));
  page(main, `Hello, ${user.username}`, h('p', {}, 'Find a book in the catalogue:'), search,
    api.isStaff() ? h('p', {}, 'Staff: ', h('a', { href: '#/staff' }, 'open the back office'), '.') : null);
}

export function signUp({ main, go }) {
  const box = messageBox();
  const form = h('form', { novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    const { username = '', password = '' } = values(form, true);
    await busy(form, async () => {
      try {
        await api.call('auth', 'POST', '/users', { body: { username, password }, anonymous: true });
        go('#/login', `Your account ${username} is ready: log in.`);
      } catch (error) {
        showProblem(box, error, form);
      }
    });
  } },
  field({ label: 'Username', name: 'username', autocomplete: 'username', required: true,
    hint: '3 to 50 letters, digits, dots, dashes or underscores' }),
  field({ label: 'Password', name: 'password', type: 'password', autocomplete: 'new-password', required: true,
    hint: 'At least 8 characters' }),
  h('button', { type: 'submit' }, 'Create account'));
  page(main, 'Sign up', box, form, h('p', {}, 'Already have an account? ', h('a', { href: '#/login' }, 'Log in'), '.'));
}

export function logIn({ main, go }) {
  const box = messageBox();
  const form = h('form', { novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    const { username = '', password = '' } = values(form, true);
    await busy(form, async () => {
      try {
        await api.logIn(username.trim(), password);
        go('#/books');
      } catch (error) {
        if (error.status === 401) say(box, 'Wrong username or password.', 'error');
        else showProblem(box, error, form);
      }
    });
  } },
  field({ label: 'Username', name: 'username', autocomplete: 'username', required: true }),
  field({ label: 'Password', name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
  h('button', { type: 'submit' }, 'Log in'));
  page(main, 'Log in', box, form, h('p', {}, 'New here? ', h('a', { href: '#/signup' }, 'Sign up'), '.'));
}

export async function myAccount({ main, go }) {
  const box = messageBox();
  page(main, 'My account', box);
  let me;
  try {
    me = (await api.get('auth', '/users/me')).body;
  } catch (error) {
    showProblem(box, error);
    return;
  }
  main.append(h('dl', { class: 'facts' },
    h('dt', {}, 'Username'), h('dd', {}, me.username),
    h('dt', {}, 'Role'), h('dd', {}, me.role),
    h('dt', {}, 'Member since'), h('dd', {}, formatDate(me.createdAt))));

  const passwordBox = messageBox();
  const passwordForm = h('form', { novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    const { currentPassword = '', password = '' } = values(passwordForm, true);
    await busy(passwordForm, async () => {
      try {
        await api.call('auth', 'PATCH', `/users/${me.id}`, { body: { currentPassword, password } });
        // A password change ends every session of the account, this one included.
        api.endSession();
        go('#/login', 'Your password is changed. Log in again with the new password.');
      } catch (error) {
        showProblem(passwordBox, error, passwordForm);
      }
    });
  } },
  field({ label: 'Current password', name: 'currentPassword', type: 'password', autocomplete: 'current-password', required: true }),
  field({ label: 'New password', name: 'password', type: 'password', autocomplete: 'new-password', required: true,
    hint: 'At least 8 characters' }),
  h('button', { type: 'submit' }, 'Change password'));

  const deleteBox = messageBox();
  const deleteForm = h('form', { onsubmit: async (event) => {
    event.preventDefault();
    if (!window.confirm(`Delete the account ${me.username} for good? This cannot be undone.`)) return;
    await busy(deleteForm, async () => {
      try {
        await api.call('auth', 'DELETE', `/users/${me.id}`);
        api.endSession();
        go('#/', 'Your account is deleted.');
      } catch (error) {
        showProblem(deleteBox, error, deleteForm);
      }
    });
  } }, h('p', {}, 'Deleting your account signs you out everywhere.'),
  h('button', { type: 'submit', class: 'danger' }, 'Delete my account'));

  main.append(
    h('section', { 'aria-labelledby': 'password-heading' }, h('h2', { id: 'password-heading' }, 'Change password'), passwordBox, passwordForm),
    h('section', { 'aria-labelledby': 'delete-heading' }, h('h2', { id: 'delete-heading' }, 'Delete account'), deleteBox, deleteForm),
    h('section', { 'aria-labelledby': 'logout-heading' }, h('h2', { id: 'logout-heading' }, 'Log out'),
      h('p', {}, 'Ends this session on the server, not only in this tab.'),
      h('button', { type: 'button', onclick: async () => {
        await api.logOut().catch(() => {});
        go('#/login', 'You are logged out.');
      } }, 'Log out of this session')));
}
