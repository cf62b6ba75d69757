// Test data for the rule corpus: deliberately vulnerable code.
import { exec } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import { Request, Response } from 'express';
import { DataSource, Repository } from 'typeorm';

export class UserService {
  constructor(private readonly dataSource: DataSource, private readonly repository: Repository<User>) {}

  async find(name: string): Promise<User[]> {
    return this.dataSource.query(`SELECT * FROM "user" WHERE name = '${name}'`); // expect: CG5001
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM "user" WHERE id = ' + id); // expect: CG5001
  }

  async sorted(column: string): Promise<User[]> {
    const sql: string = "SELECT id, name FROM users ORDER BY " + column; // expect: CG5001
    return this.dataSource.query(sql);
  }

  async withOrders(users: User[]): Promise<Order[][]> {
    const result: Order[][] = [];
    for (const user of users) {
      result.push(await this.repository.findBy({ ownerId: user.id })); // expect: CG4005
    }
    return result;
  }

  async backup(req: Request, res: Response): Promise<void> {
    exec(`pg_dump ${req.query.db} > /tmp/backup.sql`, () => res.end()); // expect: CG5002
  }

  download(req: Request, res: Response): void {
    const stream = fs.createReadStream(`/srv/files/${req.params.file}`); // expect: CG5006
    stream.pipe(res);
  }

  async webhook(req: Request): Promise<void> {
    await fetch(req.body.callbackUrl, { method: 'POST' }); // expect: CG5012
  }

  parse(input: string): unknown {
    return eval(`(${input})`); // expect: CG5003
  }
}

export const agent = new https.Agent({ rejectUnauthorized: false }); // expect: CG5007

export const settings = {
  githubToken: 'ghp_Q7w8E9r0T1y2U3i4O5p6A7s8D9f0G1h2J3k4', // expect: CG5013
  clientSecret: 'f9Kx2Lm8Qp4Rt7Vw1Zy5Bn3Hc6Jd0Ge', // expect: CG5013
};

export function makeApiKey(): string {
  let key = '';
  for (let i = 0; i < 40; i++) {
    key += Math.floor(Math.random() * 16).toString(16); // expect: CG4002, CG5010
  }
  return key;
}

export function digest(password: string): string {
  return createHash('sha1').update(password).digest('hex'); // expect: CG5008
}

export function tokens(lines: string[], separator: string): string[][] {
  const out: string[][] = [];
  for (const line of lines) {
    out.push(line.split(new RegExp(separator))); // expect: CG4004
  }
  return out;
}
