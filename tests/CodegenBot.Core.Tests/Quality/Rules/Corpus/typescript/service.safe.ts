// Test data for the rule corpus: safe look-alikes.
import { execFile } from 'child_process';
import * as path from 'path';
import { Request, Response } from 'express';
import { DataSource, In, Repository } from 'typeorm';

const ALLOWED_HOSTS = new Set(['api.example.com']);

export class SafeUserService {
  constructor(private readonly dataSource: DataSource, private readonly repository: Repository<User>) {}

  async find(name: string): Promise<User[]> {
    return this.dataSource.query('SELECT * FROM "user" WHERE name = $1', [name]);
  }

  async findQb(name: string): Promise<User[]> {
    return this.repository.createQueryBuilder('user').where('user.name = :name', { name }).getMany();
  }

  async withOrders(users: User[]): Promise<Order[]> {
    return this.repository.findBy({ ownerId: In(users.map((u) => u.id)) });
  }

  async backup(req: Request, res: Response): Promise<void> {
    execFile('pg_dump', [String(req.query.db)], () => res.end());
  }

  download(req: Request, res: Response): void {
    res.sendFile(path.basename(String(req.params.file)), { root: '/srv/files' });
  }

  label(count: number): string {
    return 'Select the rows from the grid: ' + count;
  }

  parse(input: string): unknown {
    return JSON.parse(input);
  }
}

export const settings = {
  githubToken: process.env.GITHUB_TOKEN ?? '',
  clientSecret: '${CLIENT_SECRET}',
  passwordPlaceholder: 'your-password-here',
  tokenUrl: 'https://login.example.com/oauth/token',
};

export function makeApiKey(): string {
  return crypto.randomUUID();
}

export function shuffle<T>(items: T[]): T[] {
  return items.sort(() => Math.random() - 0.5);
}

export function digest(data: string): string {
  return createHash('sha256').update(data).digest('hex');
}
