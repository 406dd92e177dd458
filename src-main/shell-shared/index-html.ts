// Disguise mode in the served page: the title and favicon are written into index.html as it is
// served, so no tab or window shows the app's own name even before the renderer has started.
import { ENGLISH_NAMES, iconHref, type Disguise } from '../../src-shared/disguise';

/** Whether a URL path asks for the renderer's page (the only file that names the app). */
export function isIndexPath(urlPath: string): boolean {
  return urlPath === '/' || urlPath === '' || urlPath === '/index.html';
}

/** index.html with the disguise's title and icon (English: the renderer then sets the translated title). */
export function withAppearance(html: string, disguise: Disguise): string {
  const head =
    `<title>${ENGLISH_NAMES[disguise]}</title>` +
    `<link rel="icon" type="image/svg+xml" href="${iconHref(disguise)}" />`;
  return html.replace(/<title>[^<]*<\/title>/, '').replace('</head>', `${head}</head>`);
}
