// The web UI: a hash-routed single page in plain ES modules (no build step, no library).
import * as api from './api.js';
import { h, page } from './dom.js';
import * as account from './pages/account.js';
import * as books from './pages/books.js';
import * as staff from './pages/staff.js';
import * as admin from './pages/admin.js';

// [pattern, page, who may see it]; a page is ({params, query, main}) → Promise | void.
const routes = [
  [/^\/$/, account.home, 'anyone'],
  [/^\/signup$/, account.signUp, 'anyone'],
  [/^\/login$/, account.logIn, 'anyone'],
  [/^\/account$/, account.myAccount, 'signed-in'],
  [/^\/books$/, books.catalogue, 'signed-in'],
  [/^\/books\/(\d+)$/, books.book, 'signed-in'],
  [/^\/staff$/, staff.overview, 'staff'],
  [/^\/staff\/genres$/, staff.genres, 'staff'],
  [/^\/staff\/genres\/(\d+)$/, staff.editGenre, 'staff'],
  [/^\/staff\/books$/, staff.bookList, 'staff'],
  [/^\/staff\/books\/new$/, staff.newBook, 'staff'],
  [/^\/staff\/books\/(\d+)$/, staff.editBook, 'staff'],
  [/^\/staff\/items\/(\d+)$/, staff.editItem, 'staff'],
  [/^\/admin\/users$/, admin.users, 'admin'],
  [/^\/admin\/audit$/, admin.audit, 'admin'],
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');

function renderNav() {
  const user = api.currentUser();
  const links = [['#/', 'Home']];
  if (user) links.push(['#/books', 'Catalogue']);
  if (api.isStaff()) links.push(['#/staff', 'Back office']);
  if (api.isAdmin()) links.push(['#/admin/users', 'Users'], ['#/admin/audit', 'Audit events']);
  if (user) links.push(['#/account', 'My account']);
  else links.push(['#/login', 'Log in'], ['#/signup', 'Sign up']);
  const current = `#${currentPath()}`;
  nav.replaceChildren(h('ul', {},
    links.map(([href, text]) => h('li', {}, h('a', { href, 'aria-current': href === current ? 'page' : null }, text))),
    user ? h('li', { class: 'who' }, `${user.username} (${user.role})`) : null,
    user ? h('li', {}, h('button', { type: 'button', class: 'link', id: 'logout', onclick: logOut }, 'Log out')) : null));
}

async function logOut() {
  try {
    await api.logOut();
    go('#/login', 'You are logged out.');
  } catch (error) {
    go('#/login', 'You are logged out here; the server could not be told, so the session ends when it expires.');
  }
}

function currentPath() {
  const hash = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
  return hash.split('?')[0];
}

let flash = null;

/** Navigates to hash, showing notice on the next page. */
function go(hash, notice) {
  flash = notice ?? null;
  if (location.hash === hash) route();
  else location.hash = hash;
}

function allowed(who) {
  if (who === 'anyone') return true;
  if (who === 'signed-in') return Boolean(api.currentUser());
  if (who === 'staff') return api.isStaff();
  return api.isAdmin();
}

let sequence = 0;

async function route() {
  if (location.hash && !location.hash.startsWith('#/')) return; // an in-page anchor such as the skip link
  const mine = ++sequence;
  const [path, search = ''] = (location.hash.slice(1) || '/').split('?');
  const query = new URLSearchParams(search);
  renderNav();
  const match = routes.map(([pattern, page, who]) => [pattern.exec(path), page, who]).find(([m]) => m);
  const notice = flash;
  flash = null;
  // Each page renders into its own view: a slow page that finishes after the user went on writes into a detached one.
  const view = h('div', { class: 'view' });
  main.replaceChildren(view);
  main.setAttribute('aria-busy', 'true');
  if (notice) view.append(h('div', { class: 'message ok', role: 'status' }, h('p', {}, notice)));
  try {
    if (!match) {
      page(view, 'Not found', h('p', {}, 'There is no such page. '), h('a', { href: '#/' }, 'Go home'));
    } else if (!allowed(match[2])) {
      refused(view, match[2]);
    } else {
      await match[1]({ params: match[0].slice(1), query, main: view, go, isCurrent: () => mine === sequence });
    }
  } catch (error) {
    view.append(h('p', { class: 'message error', role: 'alert' }, `This page failed: ${error.message}`));
  }
  if (mine === sequence) {
    main.removeAttribute('aria-busy');
    const heading = view.querySelector('h1');
    document.title = heading ? `${heading.textContent} · Videoclub` : 'Videoclub';
    (heading ?? main).setAttribute('tabindex', '-1');
    (heading ?? main).focus({ preventScroll: false });
  }
}

function refused(main, who) {
  const user = api.currentUser();
  if (!user) {
    page(main, 'Please log in', h('p', {}, 'This page is for signed-in users. '), h('a', { href: '#/login' }, 'Log in'),
      ' or ', h('a', { href: '#/signup' }, 'sign up'), '.');
    return;
  }
  const whom = who === 'admin' ? 'administrators' : 'shop staff (editors and administrators)';
  page(main, 'Not allowed', h('p', { class: 'refused' }, `This page is for ${whom}; your role is ${user.role}.`),
    h('p', {}, h('a', { href: '#/books' }, 'Browse the catalogue')));
}

api.onSessionChange(renderNav);

async function start() {
  try {
    await api.loadConfig();
    await api.resumeSession();
  } catch (error) {
    main.replaceChildren(h('h1', {}, 'Videoclub is unavailable'), h('p', { role: 'alert' }, error.message));
    return;
  }
  window.addEventListener('hashchange', route);
  route();
}

start();
