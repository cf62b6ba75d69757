// Test data for the rule corpus: safe look-alikes.
const express = require('express');
const { execFile, spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const app = express();
const TABLE = 'users';
const STATUS_URL = 'https://status.example.com';

app.get('/user', async (req, res) => {
  const rows = await db.query('SELECT * FROM users WHERE id = $1', [req.query.id]);
  res.json(rows);
});

app.get('/count', async (req, res) => {
  // db.query("SELECT * FROM users WHERE id = " + req.query.id) would be injectable
  const rows = await db.query('SELECT count(*) FROM ' + TABLE);
  res.json(rows);
});

app.get('/orders', async (req, res) => {
  const rows = await sql`SELECT * FROM orders WHERE customer = ${req.query.customer}`;
  res.json(rows);
});

app.get('/help', (req, res) => {
  res.send('Select the item from the list ' + req.query.name);
});

app.get('/ping', (req, res) => {
  execFile('ping', ['-c', '1', req.query.host], (err, out) => res.send(out));
});

app.get('/ls', (req, res) => {
  const child = spawn('ls', ['-la', '/srv'], { shell: true });
  child.stdout.pipe(res);
});

app.get('/match', (req, res) => {
  const found = /a+b/.exec(req.query.text);
  res.json(found);
});

app.post('/calc', (req, res) => {
  res.json(JSON.parse(req.body.data));
});

app.get('/file', (req, res) => {
  res.sendFile(path.basename(req.query.name), { root: path.join(__dirname, 'public') });
});

app.get('/logo', (req, res) => {
  fs.readFile(path.join(__dirname, 'logo.png'), (err, data) => res.send(data));
});

app.get('/status', async (req, res) => {
  const response = await fetch(STATUS_URL);
  res.send(await response.text());
});

const agent = new https.Agent({ rejectUnauthorized: true, ca: fs.readFileSync('ca.pem') });
const apiKey = process.env.API_KEY;
const password = 'changeme';
const tokenHeader = 'x-auth-token';
const passwordMessage = 'Your password must have 12 characters';

function hash(data) {
  return crypto.createHash('sha256').update(data).digest('hex');
}

function etag(body) {
  return crypto.createHash('md5').update(body).digest('hex');
}

function newSessionToken() {
  return crypto.randomBytes(32).toString('hex');
}

function jitter() {
  return Math.random() * 100;
}

function retryDelay(attempt) {
  return 2 ** attempt * 100 + Math.random() * 50;
}

setTimeout(() => refresh(), 1000);
const warning = 'never eval(input) or exec("rm " + path)';
