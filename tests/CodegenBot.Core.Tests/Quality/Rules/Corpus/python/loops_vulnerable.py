# Test data for the rule corpus: performance anti-patterns.
import re


def to_csv(rows):
    out = ""
    for row in rows:
        out += ",".join(row) + "\n"  # expect: CG4002
    return out


def banner(words):
    text = ''
    i = 0
    while i < len(words):
        text = text + words[i]  # expect: CG4002
        i += 1
    return text


def count_matches(lines, pattern):
    total = 0
    for line in lines:
        regex = re.compile(pattern)  # expect: CG4004
        if regex.search(line):
            total += 1
    return total


def owners(cursor, ids):
    result = []
    for user_id in ids:
        cursor.execute("SELECT name FROM users WHERE id = %s", (user_id,))  # expect: CG4005
        result.append(cursor.fetchone())
    return result


def authors(posts):
    names = []
    for post in posts:
        author = User.objects.get(id=post.author_id)  # expect: CG4005
        names.append(author.name)
    return names


def totals(session, customers):
    for customer in customers:
        if customer.active:
            total = session.query(Order).filter_by(customer_id=customer.id).count()  # expect: CG4005
            print(total)
