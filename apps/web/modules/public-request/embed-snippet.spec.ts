import { describe, expect, it } from 'vitest';
import { embedSnippet } from './embed-snippet';

describe('embedSnippet', () => {
  it('frames the form with a title, full width, lazily', () => {
    expect(embedSnippet('https://app.example.com/r/demo', 'Request a quote from Evergreen Landscaping')).toBe(
      '<iframe src="https://app.example.com/r/demo" title="Request a quote from Evergreen Landscaping" width="100%" height="1100" style="border:0;max-width:40rem" loading="lazy"></iframe>',
    );
  });

  it('escapes a business name that would break out of the attribute', () => {
    const snippet = embedSnippet('https://app.example.com/r/x', 'Quote from "Smith & Sons" <b>');
    expect(snippet).toContain('title="Quote from &quot;Smith &amp; Sons&quot; &lt;b&gt;"');
    // Six attributes, two quotes each: none came from the name.
    expect(snippet.match(/"/g)?.length).toBe(12);
  });
});
