// Held-out cases, written after the rules were tuned and measured once without changing the rules.
import { Request, Response } from 'express';

export async function search(req: Request, res: Response) {
  const rows = await knex.raw(`SELECT * FROM products WHERE name LIKE '%${req.query.q}%'`); // expect: CG5001
  res.json(rows);
}

export function render(el: HTMLElement, data: { html: string }) {
  el.innerHTML = data.html; // expect: CG5011
}

export function renderJq(input: string) {
  $('#out').html(input); // expect: CG5011
}

export function digest(s: string) {
  return crypto.createHash('sha1').update(s).digest('hex'); // expect: CG5008
}

export async function proxy(req: Request, res: Response) {
  const upstream = await axios.post(req.body.webhook, { ok: true }); // expect: CG5012
  res.send(upstream.status);
}

export function label(count: number) {
  return 'Delete from the list: ' + count;
}

export function compute(expr: string) {
  return Function('"use strict"; return (' + expr + ')')(); // expect: CG5003
}
