// Test data for the rule corpus: deliberately vulnerable React code.
import React from 'react';

export function Comment({ comment }: { comment: { body: string } }) {
  // expect-next-line: CG5011
  return <div dangerouslySetInnerHTML={{ __html: comment.body }} />;
}

export function Preview({ markdown }: { markdown: string }) {
  const html = render(markdown);
  // expect-next-line: CG5011
  return <article dangerouslySetInnerHTML={{ __html: html }} />;
}

export function mount(root: HTMLElement, name: string): void {
  root.innerHTML = `<p>Hello ${name}</p>`; // expect: CG5011
}

export function summary(items: string[]): string {
  let text: string = '';
  items.forEach((item) => console.log(item));
  for (const item of items) {
    text += item + ', '; // expect: CG4002
  }
  return text;
}
