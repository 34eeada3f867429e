// The back office (editors and admins): genres, books and inventory items; sales and deliveries.
import * as api from '../api.js';
import { busy, field, h, messageBox, page, say, showProblem, table, values } from '../dom.js';
import { allGenres, conditionName, itemsOf } from './books.js';
import { numberOrNull, textOrNull, versionedForm } from './versioned.js';

const CONDITIONS = [['NEW', 'New'], ['USED', 'Used']];

export function overview({ main }) {
  page(main, 'Back office',
    h('ul', { class: 'cards' },
      h('li', {}, h('a', { href: '#/staff/books' }, 'Books and copies'), h('p', {}, 'Add, edit and delete books; their copies, sales and deliveries.')),
      h('li', {}, h('a', { href: '#/staff/genres' }, 'Genres'), h('p', {}, 'Add, rename and delete genres.'))));
}

// ---- genres ---------------------------------------------------------------------------------------------------------

export async function genres({ main, go }) {
  const box = messageBox();
  const form = h('form', { novalidate: true, class: 'editor', 'aria-label': 'New genre', onsubmit: async (event) => {
    event.preventDefault();
    const { name = '', description } = values(form, true);
    await busy(form, async () => {
      try {
        const { body } = await api.call('catalog', 'POST', '/genres', { body: { name, description: textOrNull(description) } });
        go('#/staff/genres', `Genre ${body.name} added.`);
      } catch (error) {
        showProblem(box, error, form);
      }
    });
  } },
  field({ label: 'Name', name: 'name', required: true }),
  field({ label: 'Description', name: 'description', type: 'textarea' }),
  h('button', { type: 'submit' }, 'Add genre'));
  page(main, 'Genres', h('h2', {}, 'New genre'), box, form);
  try {
    const list = await allGenres();
    main.append(h('h2', {}, 'All genres'), list.length
      ? table('Genres', ['Name', 'Description', ''], list.map((genre) => h('tr', {},
        h('td', {}, genre.name), h('td', {}, genre.description ?? ''),
        h('td', {}, h('a', { href: `#/staff/genres/${genre.id}`, 'aria-label': `Edit ${genre.name}` }, 'Edit')))))
      : h('p', { class: 'empty' }, 'No genres yet.'));
  } catch (error) {
    showProblem(box, error);
  }
}

export async function editGenre({ main, params, go }) {
  page(main, 'Edit genre');
  await versionedForm(main, {
    path: `/genres/${params[0]}`,
    label: 'this genre',
    fields: (genre) => [
      field({ label: 'Name', name: 'name', value: genre.name, required: true }),
      field({ label: 'Description', name: 'description', type: 'textarea', value: genre.description ?? '' })],
    body: ({ name, description }) => ({ name, description: textOrNull(description) }),
    deleted: () => go('#/staff/genres', 'Genre deleted; its books no longer list it.'),
  });
  main.append(h('p', {}, h('a', { href: '#/staff/genres' }, 'All genres')));
}

// ---- books ----------------------------------------------------------------------------------------------------------

export async function bookList({ main, query }) {
  const box = messageBox();
  const q = query.get('q') ?? '';
  const form = h('form', { role: 'search', class: 'inline', onsubmit: (event) => {
    event.preventDefault();
    location.hash = `#/staff/books${api.query(values(form))}`;
  } }, field({ label: 'Find a book (title, author)', name: 'q', type: 'search', value: q }), h('button', { type: 'submit' }, 'Find'));
  page(main, 'Books', h('p', {}, h('a', { class: 'button', href: '#/staff/books/new' }, 'New book')), form, box);
  try {
    const { body } = await api.get('catalog', `/books${api.query({ q, limit: 20, cursor: query.get('cursor') })}`);
    main.append(body.items.length
      ? table('Books', ['Title', 'Author', 'ISBN', ''], body.items.map((book) => h('tr', {},
        h('td', {}, book.title), h('td', {}, book.author), h('td', {}, book.isbn),
        h('td', {}, h('a', { href: `#/staff/books/${book.id}`, 'aria-label': `Edit ${book.title}` }, 'Edit')))))
      : h('p', { class: 'empty' }, 'No book matches.'));
    if (body.next) {
      main.append(h('nav', { class: 'pager', 'aria-label': 'Result pages' },
        h('a', { href: `#/staff/books${api.query({ q, cursor: body.next })}`, rel: 'next' }, 'Next page')));
    }
  } catch (error) {
    showProblem(box, error, form);
  }
}

function bookFields(book, genres) {
  const chosen = new Set((book.genres ?? []).map((genre) => genre.id));
  return [
    field({ label: 'Title', name: 'title', value: book.title ?? '', required: true }),
    field({ label: 'Author', name: 'author', value: book.author ?? '', required: true }),
    field({ label: 'ISBN', name: 'isbn', value: book.isbn ?? '', required: true, hint: 'ISBN-10 or ISBN-13; hyphens allowed' }),
    field({ label: 'Year published', name: 'publishedYear', type: 'number', value: book.publishedYear ?? '', min: 1, max: 9999 }),
    field({ label: 'Description', name: 'description', type: 'textarea', value: book.description ?? '' }),
    h('fieldset', { class: 'genres' }, h('legend', {}, 'Genres'),
      genres.length ? genres.map((genre) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: 'genreIds', value: String(genre.id), checked: chosen.has(genre.id) }), ` ${genre.name}`))
        : h('p', {}, 'No genres yet.'),
      h('p', { class: 'field-error', 'data-error-for': 'genreIds' })),
  ];
}

function bookBody(form) {
  const { title = '', author = '', isbn = '', publishedYear, description } = values(form, true);
  return {
    title, author, isbn, publishedYear: numberOrNull(publishedYear), description: textOrNull(description),
    genreIds: [...form.querySelectorAll('input[name="genreIds"]:checked')].map((box) => Number(box.value)),
  };
}

export async function newBook({ main, go }) {
  const box = messageBox();
  let genreList = [];
  try {
    genreList = await allGenres();
  } catch (error) {
    showProblem(box, error);
  }
  const form = h('form', { novalidate: true, class: 'editor', 'aria-label': 'New book', onsubmit: async (event) => {
    event.preventDefault();
    await busy(form, async () => {
      try {
        const { body } = await api.call('catalog', 'POST', '/books', { body: bookBody(form) });
        go(`#/staff/books/${body.id}`, `Book ${body.title} added. Add its copies below.`);
      } catch (error) {
        showProblem(box, error, form);
      }
    });
  } }, bookFields({}, genreList), h('button', { type: 'submit' }, 'Add book'));
  page(main, 'New book', box, form);
}

export async function editBook({ main, params, go }) {
  const id = params[0];
  let genreList = [];
  const box = messageBox();
  try {
    genreList = await allGenres();
  } catch (error) {
    showProblem(box, error);
  }
  page(main, 'Edit book', box);
  const book = await versionedForm(main, {
    path: `/books/${id}`,
    label: 'this book',
    fields: (current) => bookFields(current, genreList),
    body: (formValues, current, form) => bookBody(form),
    deleted: () => go('#/staff/books', 'Book deleted.'),
  });
  if (!book) return;
  const copies = h('section', { 'aria-labelledby': 'copies-heading' });
  main.append(copies, h('p', {}, h('a', { href: `#/books/${id}` }, 'See it as customers do'), ' · ',
    h('a', { href: '#/staff/books' }, 'All books')));
  await renderCopies(copies, id);
}

// ---- inventory ------------------------------------------------------------------------------------------------------

async function renderCopies(section, bookId) {
  const box = messageBox();
  section.replaceChildren(h('h2', { id: 'copies-heading' }, 'Copies'), box);
  let items;
  try {
    items = await itemsOf(bookId);
  } catch (error) {
    showProblem(box, error);
    return;
  }
  const refresh = (notice) => renderCopies(section, bookId).then(() => notice && say(section.querySelector('.message'), notice));
  section.append(items.length
    ? table('Copies', ['Condition', 'Price', 'In stock', 'Sale or delivery', ''], items.map((item) => h('tr', {},
      h('td', {}, conditionName(item.condition)), h('td', { class: 'number' }, item.price),
      h('td', { class: 'number stock' }, String(item.stock)),
      h('td', {}, stockControls(item, box, refresh)),
      h('td', {}, h('a', { href: `#/staff/items/${item.id}`, 'aria-label': `Edit the ${conditionName(item.condition)} copy at ${item.price}` }, 'Edit')))))
    : h('p', { class: 'empty' }, 'No copies yet.'));

  const form = h('form', { novalidate: true, class: 'editor', 'aria-label': 'New copy', onsubmit: async (event) => {
    event.preventDefault();
    const { condition, price = '', stock } = values(form, true);
    await busy(form, async () => {
      try {
        await api.call('catalog', 'POST', '/inventory', { body: { bookId: Number(bookId), condition, price, stock: numberOrNull(stock) } });
        await refresh('Copy added.');
      } catch (error) {
        showProblem(box, error, form);
      }
    });
  } },
  h('h3', {}, 'Add a copy'),
  field({ label: 'Condition', name: 'condition', options: CONDITIONS, value: 'NEW' }),
  field({ label: 'Price', name: 'price', inputmode: 'decimal', required: true, hint: 'Such as 10.99' }),
  field({ label: 'Stock', name: 'stock', type: 'number', min: 0, value: '1', required: true }),
  h('button', { type: 'submit' }, 'Add copy'));
  section.append(form);
}

function stockControls(item, box, refresh) {
  const change = async (delta, button) => {
    button.disabled = true;
    try {
      const { body } = await api.call('catalog', 'POST', `/inventory/${item.id}/stock`, { body: { delta } });
      await refresh(delta < 0 ? `Sale recorded: ${body.stock} left.` : `Delivery recorded: ${body.stock} in stock.`);
    } catch (error) {
      button.disabled = false;
      if (error.status === 409) say(box, 'Not enough stock for that: nothing was changed.', 'error');
      else showProblem(box, error);
    }
  };
  const amount = h('input', { type: 'number', min: 1, value: '1', class: 'amount', 'aria-label': 'Copies delivered' });
  const sale = h('button', { type: 'button', class: 'sale', disabled: item.stock < 1, onclick: () => change(-1, sale) }, 'Record a sale');
  const delivery = h('button', { type: 'button', class: 'delivery', onclick: () => {
    const count = Number(amount.value);
    if (!Number.isInteger(count) || count < 1) {
      say(box, 'A delivery is a whole number of copies, 1 or more.', 'error');
      return;
    }
    change(count, delivery);
  } }, 'Record delivery');
  return h('div', { class: 'stock-controls' }, sale, amount, delivery);
}

export async function editItem({ main, params, go }) {
  page(main, 'Edit copy');
  const item = await versionedForm(main, {
    path: `/inventory/${params[0]}`,
    label: 'this copy',
    method: 'PATCH',
    fields: (current) => [
      h('p', {}, 'Book: ', h('a', { href: `#/staff/books/${current.book.id}` }, current.book.title)),
      field({ label: 'Condition', name: 'condition', options: CONDITIONS, value: current.condition }),
      field({ label: 'Price', name: 'price', inputmode: 'decimal', value: current.price, required: true }),
      h('p', {}, `In stock: ${current.stock} (sales and deliveries are recorded on the book's page).`)],
    body: ({ condition, price }) => ({ condition, price }),
    deleted: () => go('#/staff/books', 'Copy deleted.'),
  });
  if (item) main.append(h('p', {}, h('a', { href: `#/staff/books/${item.book.id}` }, 'Back to the book')));
}
