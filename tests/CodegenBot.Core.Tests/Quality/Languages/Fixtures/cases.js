function plain(a, b) {
  return a + b;
}

function branches(x, y = 1) {
  if (x > 0) {
    return 1;
  } else if (x < 0) {
    return -1;
  }
  return x ? y : 0;
}

const loops = (items) => {
  for (const item of items) {
    while (item) {
      item--;
    }
  }
  do {
    items.pop();
  } while (items.length);
  return items;
};

function logic(a, b) {
  const c = (a && b || a) ?? b;
  a ||= b;
  return a?.b?.c;
}

function cases(kind) {
  switch (kind) {
    case 1:
      return 'one';
    case 2:
      return 'two';
    default:
      return 'many';
  }
}

class Parser {
  parse(text) {
    try {
      return JSON.parse(text);
    } catch (e) {
      return text.items.map((item) => item && item.value);
    }
  }

  handle = (event) => {
    const { a = 1, b } = event;
    return a || b;
  };
}
