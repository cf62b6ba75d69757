namespace CodegenBot.Core.Tests.Context.Codebase;

/// <summary>A TypeScript web package (vitest) beside a Python service (pyproject, requirements, pytest).</summary>
internal static class NodePythonFixture
{
    public static readonly (string Path, string Content)[] Files =
    [
        (".pre-commit-config.yaml", "repos: []\n"),
        ("web/package.json", """
            {
              "name": "@shop/web",
              "main": "./dist/index.js",
              "bin": { "shop": "bin/cli.js" },
              "scripts": { "test": "vitest run" },
              "dependencies": { "react": "^18.2.0", "axios": "1.6.0" },
              "devDependencies": { "vitest": "^1.2.0", "typescript": "~5.4.0", "@vitest/coverage-v8": "^1.2.0" }
            }
            """),
        ("web/tsconfig.json", """{ "compilerOptions": { "strict": true } }"""),
        ("web/eslint.config.js", "export default [];\n"),
        ("web/bin/cli.js", """
            import { run } from '../dist/index.js';

            run().then(() => console.log('done'));

            """),
        ("web/src/api.ts", """
            import axios from 'axios';

            export async function fetchOrders(page: number) {
              const response = await axios.get('/api/orders', { params: { page } });
              return response.data;
            }

            export const fetchOrder = async (id: number) => {
              const response = await axios.get(`/api/orders/${id}`);
              return response.data;
            };

            export function formatTotal(total: number): string {
              return total.toFixed(2) + ' EUR';
            }

            export async function refresh() {
              await fetchOrders(1);
              return fetchOrder(1).then((order) => order.total);
            }

            const labels = { open: 'Open', paid: 'Paid', shipped: 'Shipped', returned: "Returned" };

            export class OrderClient {
              constructor(private readonly base: string) {}
            }

            export class CartStore {
              items: string[] = [];
            }

            export class price_list {}

            """),
        ("web/src/api.test.ts", """
            import { describe, it, expect } from 'vitest';
            import { formatTotal } from './api';

            describe('formatTotal', () => {
              it('adds the currency', () => {
                expect(formatTotal(2)).toBe("2.00 EUR");
              });
            });

            """),
        ("service/pyproject.toml", """
            [project]
            name = "shop-service"
            dependencies = [
                "fastapi>=0.110",   # web framework
                "pydantic==2.6.1",
                "uvicorn[standard] (>=0.29) ; python_version >= '3.10'",
            ]

            [project.optional-dependencies]
            dev = ["pytest>=8", "ruff"]
            postgres = ["asyncpg==0.29.0"]

            [tool.ruff]
            line-length = 100

            [tool.pytest.ini_options]
            testpaths = ["tests"]
            """),
        ("service/requirements.txt", "fastapi>=0.110\nhttpx==0.27.0 --hash=sha256:abc\n"),
        ("service/requirements-dev.txt", "-r requirements.txt\n# tools\nblack==24.2.0\nmypy>=1.8,<2  # typing\n--index-url https://pypi.org/simple\n"),
        ("service/shop_service/__main__.py", "from .app import main\n\nmain()\n"),
        ("service/shop_service/app.py", """
            import json


            class OrderError(Exception):
                pass


            class OrderService:
                def __init__(self, store):
                    self.store = store

                def find_order(self, order_id):
                    try:
                        return self.store["orders"][order_id]
                    except KeyError:
                        raise OrderError("missing")

                def load(self, path):
                    try:
                        return json.loads(open(path).read())
                    except:
                        return {"orders": {}}

                def totalPrice(self, order):
                    return sum(line["price"] for line in order["lines"])


            STATUS = {"open": "Open", "paid": "Paid"}


            def main():
                print("serving")

            """),
        ("service/tests/conftest.py", "import pytest\n"),
        ("service/tests/test_app.py", """
            from shop_service.app import OrderService


            def test_find_order_returns_order():
                service = OrderService({"orders": {1: "a"}})
                assert service.find_order(1) == "a"

            """),
    ];
}
