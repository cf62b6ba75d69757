// Test data for the rule corpus: safe look-alikes.
const WORDS = /\b(?:foo|bar)\b/gi;

function showMessage(message) {
  document.getElementById('out').textContent = message;
}

function clear(list) {
  list.innerHTML = '';
}

function spinner(el) {
  el.innerHTML = '<span class="spinner"></span>';
}

function safeHtml(el, html) {
  el.innerHTML = DOMPurify.sanitize(html);
}

function template(el) {
  el.innerHTML = `<div class="empty">Nothing here</div>`;
}

function highlight(items) {
  for (const item of items) {
    item.text = item.text.replace(WORDS, (m) => m.toUpperCase());
  }
}

function buildList(items) {
  const parts = [];
  for (const item of items) {
    parts.push(`<li>${escapeHtml(item)}</li>`);
  }
  return parts.join('');
}

function sum(values) {
  let total = 0;
  for (const v of values) {
    total += v;
  }
  return total;
}

async function loadAuthors(posts) {
  const ids = posts.map((p) => p.authorId);
  const authors = await db.query('SELECT * FROM users WHERE id = ANY($1)', [ids]);
  for (const author of authors) {
    console.log(author.name);
  }
  return authors;
}

// document.write('<h1>' + title + '</h1>') is how the old page did it
const docs = 'el.innerHTML = userInput is an XSS sink';
