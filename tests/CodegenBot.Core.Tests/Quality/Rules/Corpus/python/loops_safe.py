# Test data for the rule corpus: safe look-alikes.
import re

WORD = re.compile(r"\w+")


def to_csv(rows):
    parts = []
    for row in rows:
        parts.append(",".join(row))
    return "\n".join(parts)


def total(values):
    result = 0
    for value in values:
        result += value
    return result


def tags(items):
    found = []
    for item in items:
        found += [item.tag]
    return found


def labels(items):
    for item in items:
        label = ""
        label += item.name
        print(label)


def count_matches(lines):
    return sum(1 for line in lines if WORD.search(line))


def owners(cursor, ids):
    cursor.execute("SELECT id, name FROM users WHERE id = ANY(%s)", (list(ids),))
    rows = cursor.fetchall()
    for row in rows:
        print(row)
    return rows


def authors(posts):
    users = User.objects.filter(id__in=[p.author_id for p in posts])
    for user in users:
        print(user.name)
