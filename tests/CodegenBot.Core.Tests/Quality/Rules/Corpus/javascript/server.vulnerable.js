// Test data for the rule corpus: deliberately vulnerable code.
const express = require('express');
const { exec, execSync, spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const axios = require('axios');
const serialize = require('node-serialize');

const app = express();

app.get('/user', async (req, res) => {
  const rows = await db.query("SELECT * FROM users WHERE id = '" + req.query.id + "'"); // expect: CG5001
  res.json(rows);
});

app.get('/orders', async (req, res) => {
  const rows = await pool.query(`SELECT * FROM orders WHERE customer = ${req.query.customer}`); // expect: CG5001
  res.json(rows);
});

app.delete('/item/:id', async (req, res) => {
  const sql = 'DELETE FROM items WHERE id = ' + req.params.id; // expect: CG5001
  await db.query(sql);
  res.sendStatus(204);
});

app.get('/ping', (req, res) => {
  exec('ping -c 1 ' + req.query.host, (err, out) => res.send(out)); // expect: CG5002
});

app.get('/du', (req, res) => {
  const out = execSync(`du -sh ${req.query.dir}`); // expect: CG5002
  res.send(out);
});

app.get('/grep', (req, res) => {
  const child = spawn('grep ' + req.query.term, { shell: true }); // expect: CG5002
  child.stdout.pipe(res);
});

app.post('/calc', (req, res) => {
  res.send(String(eval(req.body.expression))); // expect: CG5003
});

app.post('/rule', (req, res) => {
  const check = new Function('item', req.body.rule); // expect: CG5003
  res.send(check({}));
});

app.post('/session', (req, res) => {
  const session = serialize.unserialize(req.cookies.session); // expect: CG5004
  res.json(session);
});

app.get('/file', (req, res) => {
  res.sendFile(path.join(__dirname, 'public', req.query.name)); // expect: CG5006
});

app.get('/read', (req, res) => {
  const name = req.params.name;
  fs.readFile('/srv/data/' + name, 'utf8', (err, text) => res.send(text)); // expect: CG5006
});

app.get('/fetch', async (req, res) => {
  const response = await axios.get(req.query.url); // expect: CG5012
  res.send(response.data);
});

app.get('/avatar', async (req, res) => {
  const target = `https://${req.query.host}/avatar.png`;
  const image = await fetch(target); // expect: CG5012
  res.send(await image.buffer());
});

const agent = new https.Agent({ rejectUnauthorized: false }); // expect: CG5007
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: CG5007

const STRIPE_KEY = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'; // expect: CG5013
const config = { password: 'Tr0ub4dor&3xq!9Z' }; // expect: CG5013

function hashPassword(password) {
  return crypto.createHash('md5').update(password).digest('hex'); // expect: CG5008
}

function encrypt(text, key) {
  const cipher = crypto.createCipheriv('des-ede3-cbc', key, iv); // expect: CG5009
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function newSessionToken() {
  return Math.random().toString(36).slice(2); // expect: CG5010
}

app.post('/upload', async (req, res) => {
  let body = '';
  for await (const chunk of req) { // expect: CG4006
    body += chunk; // expect: CG4002
  }
  res.send(body.length);
});
