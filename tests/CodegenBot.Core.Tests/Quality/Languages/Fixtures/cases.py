def plain(a, b):
    return a + b


def branches(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1
    else:
        return 0


def loops(items):
    for item in items:
        while item:
            item -= 1
    else:
        pass
    return [i for i in items if i if i > 2]


def handlers(path):
    try:
        open(path)
    except OSError:
        pass
    except ValueError:
        pass
    else:
        pass
    finally:
        pass
    with open(path) as f:
        assert f
    return a and b or c and d


def outer(x):
    def inner(y):
        if y:
            return y
        return 0
    fn = lambda z: z if z else 0
    return inner(x) if x else fn(x)


class Parser:
    def parse(self, text):
        if text:
            return text
        return None

    async def fetch(self, url, *, timeout=3):
        async for chunk in url:
            if chunk and timeout:
                yield chunk
