/** Text for an HTML attribute value in double quotes. */
function attribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * The snippet a business pastes into its own site: its request form in an iframe (pages under /r/ may be framed
 * by any site: `frame-ancestors *`). Titled, because an iframe is named by its title for screen readers.
 */
export function embedSnippet(url: string, title: string): string {
  return `<iframe src="${attribute(url)}" title="${attribute(title)}" width="100%" height="1100" style="border:0;max-width:40rem" loading="lazy"></iframe>`;
}
