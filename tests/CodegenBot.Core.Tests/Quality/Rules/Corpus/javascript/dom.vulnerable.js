// Test data for the rule corpus: deliberately vulnerable browser code.
function showMessage(message) {
  document.getElementById('out').innerHTML = message; // expect: CG5011
}

function appendComment(list, comment) {
  list.innerHTML += `<li>${comment.text}</li>`; // expect: CG5011
}

function renderTitle(title) {
  document.write('<h1>' + title + '</h1>'); // expect: CG5011
}

function addRow(table, row) {
  table.insertAdjacentHTML('beforeend', '<tr><td>' + row.name + '</td></tr>'); // expect: CG5011
}

function replace(el, html) {
  el.outerHTML = html; // expect: CG5011
}

function highlight(items, words) {
  for (const item of items) {
    const re = new RegExp(words.join('|'), 'gi'); // expect: CG4004
    item.text = item.text.replace(re, (m) => `<mark>${m}</mark>`);
  }
}

function buildList(items) {
  let html = '';
  for (let i = 0; i < items.length; i++) {
    html += '<li>' + items[i] + '</li>'; // expect: CG4002
  }
  return html;
}

async function loadAuthors(posts) {
  const authors = [];
  for (const post of posts) {
    authors.push(await db.query('SELECT * FROM users WHERE id = $1', [post.authorId])); // expect: CG4005
  }
  return authors;
}

async function loadUsers(ids) {
  const users = [];
  for (const id of ids) {
    users.push(await User.findByPk(id)); // expect: CG4005
  }
  return users;
}

setTimeout('refresh(' + userId + ')', 1000); // expect: CG5003
