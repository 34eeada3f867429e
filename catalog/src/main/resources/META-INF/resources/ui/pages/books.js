// The catalogue: search, results page by page, one book with its genres and copies.
import * as api from '../api.js';
import { field, h, messageBox, page, showProblem, table, values } from '../dom.js';

const PAGE_SIZE = 20;

/** Every genre, for the search and book forms (the list is short; read page by page up to 500). */
export async function allGenres() {
  const genres = [];
  let cursor = null;
  do {
    const { body } = await api.get('catalog', `/genres${api.query({ limit: 100, cursor })}`);
    genres.push(...body.items);
    cursor = body.next;
  } while (cursor && genres.length < 500);
  return genres.sort((a, b) => a.name.localeCompare(b.name));
}

export async function catalogue({ main, query, isCurrent }) {
  const box = messageBox();
  const criteria = { q: query.get('q') ?? '', genre: query.get('genre') ?? '', author: query.get('author') ?? '' };
  let genres = [];
  try {
    genres = await allGenres();
  } catch (error) {
    showProblem(box, error);
  }
  if (!isCurrent()) return;
  const form = h('form', { role: 'search', class: 'search', 'aria-label': 'Search books', onsubmit: (event) => {
    event.preventDefault();
    location.hash = `#/books${api.query(values(form))}`;
  } },
  field({ label: 'Words in title or author', name: 'q', type: 'search', value: criteria.q }),
  field({ label: 'Genre', name: 'genre', value: criteria.genre,
    options: [['', 'Any genre'], ...genres.map((genre) => [String(genre.id), genre.name])] }),
  field({ label: 'Author', name: 'author', value: criteria.author, hint: 'The full name, any letter case' }),
  h('button', { type: 'submit' }, 'Search'));
  const results = h('section', { 'aria-labelledby': 'results-heading', class: 'results' });
  page(main, 'Catalogue', form, box, results);

  let answer;
  try {
    answer = (await api.get('catalog', `/books${api.query({ ...criteria, limit: PAGE_SIZE, cursor: query.get('cursor') })}`)).body;
  } catch (error) {
    showProblem(box, error, form);
    return;
  }
  const searching = criteria.q || criteria.genre || criteria.author;
  results.append(h('h2', { id: 'results-heading' }, searching ? 'Results' : 'All books'));
  if (answer.items.length === 0) {
    results.append(h('p', { class: 'empty' }, query.get('cursor') ? 'No more books.' : 'No book matches.'));
  } else {
    results.append(h('ul', { class: 'book-list' }, answer.items.map(bookSummary)));
  }
  const pager = h('nav', { class: 'pager', 'aria-label': 'Result pages' });
  if (query.get('cursor')) pager.append(h('a', { href: `#/books${api.query(criteria)}` }, 'First page'));
  if (answer.next) pager.append(h('a', { href: `#/books${api.query({ ...criteria, cursor: answer.next })}`, rel: 'next' }, 'Next page'));
  if (pager.childElementCount) results.append(pager);
}

function bookSummary(book) {
  return h('li', {},
    h('a', { href: `#/books/${book.id}`, class: 'title' }, book.title),
    h('span', { class: 'by' }, ` by ${book.author}`),
    book.publishedYear ? h('span', { class: 'year' }, ` (${book.publishedYear})`) : null,
    book.genres?.length ? h('span', { class: 'genres' }, ` · ${book.genres.map((genre) => genre.name).join(', ')}`) : null);
}

/** Every inventory item of a book (a book has few; read page by page up to 500). */
export async function itemsOf(bookId) {
  const items = [];
  let cursor = null;
  do {
    const { body } = await api.get('catalog', `/inventory${api.query({ bookId, limit: 100, cursor })}`);
    items.push(...body.items);
    cursor = body.next;
  } while (cursor && items.length < 500);
  return items;
}

export async function book({ main, params }) {
  const box = messageBox();
  let found;
  let items;
  try {
    [found, items] = await Promise.all([api.get('catalog', `/books/${params[0]}`).then((r) => r.body), itemsOf(params[0])]);
  } catch (error) {
    page(main, 'Book', box);
    showProblem(box, error);
    return;
  }
  page(main, found.title, box,
    h('p', { class: 'by' }, `by ${found.author}`),
    h('dl', { class: 'facts' },
      h('dt', {}, 'ISBN'), h('dd', {}, found.isbn),
      found.publishedYear ? [h('dt', {}, 'Published'), h('dd', {}, String(found.publishedYear))] : null,
      h('dt', {}, 'Genres'),
      h('dd', { class: 'genres' }, found.genres.length
        ? h('ul', { class: 'tags' }, found.genres.map((genre) => h('li', {}, h('a', { href: `#/books?genre=${genre.id}` }, genre.name))))
        : 'None')),
    found.description ? h('p', { class: 'description' }, found.description) : null,
    h('section', { 'aria-labelledby': 'copies-heading' },
      h('h2', { id: 'copies-heading' }, 'Copies'),
      items.length
        ? table('Copies of this book for sale', ['Condition', 'Price', 'In stock'], items.map((item) => h('tr', {},
          h('td', {}, conditionName(item.condition)),
          h('td', { class: 'number' }, item.price),
          h('td', { class: 'number' }, item.stock > 0 ? String(item.stock) : 'Out of stock'))))
        : h('p', { class: 'empty' }, 'No copies yet.')),
    api.isStaff() ? h('p', {}, h('a', { class: 'button secondary', href: `#/staff/books/${found.id}` }, 'Edit in the back office')) : null,
    h('p', {}, h('a', { href: '#/books' }, 'Back to the catalogue')));
}

export function conditionName(condition) {
  return condition === 'NEW' ? 'New' : condition === 'USED' ? 'Used' : String(condition);
}
