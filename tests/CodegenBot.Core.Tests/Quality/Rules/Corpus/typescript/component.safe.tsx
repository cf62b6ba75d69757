// Test data for the rule corpus: safe look-alikes.
import React from 'react';
import DOMPurify from 'dompurify';

export function Comment({ comment }: { comment: { body: string } }) {
  return <div>{comment.body}</div>;
}

export function Preview({ html }: { html: string }) {
  return <article dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;
}

export function Static() {
  return <span dangerouslySetInnerHTML={{ __html: '&nbsp;' }} />;
}

export function mount(root: HTMLElement, name: string): void {
  root.textContent = `Hello ${name}`;
}

export function summary(items: string[]): string {
  return items.join(', ');
}
