// Which title and icon each disguise gives the page and the window: never the app's own name or
// icon while disguised, and an icon file for every choice.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_NAME,
  DISGUISES,
  ENGLISH_NAMES,
  iconFileName,
  iconHref,
  parseDisguise,
} from '../../src-shared/disguise';
import { iconSvg } from '../../src-shared/disguise-icons';
import { isIndexPath, withAppearance } from '../../src-main/shell-shared/index-html';

const ICONS_DIR = join(import.meta.dirname, '../../src-renderer/public/icons');
const PAGE = '<html><head><meta charset="UTF-8" />\n<title></title>\n</head><body></body></html>';

describe('disguise names and icons', () => {
  it('gives each disguise its own neutral name and icon', () => {
    const disguised = DISGUISES.filter((disguise) => disguise !== 'none');
    expect(ENGLISH_NAMES.none).toBe(APP_NAME);
    for (const disguise of disguised) {
      expect(ENGLISH_NAMES[disguise]).not.toContain(APP_NAME);
      expect(iconHref(disguise)).toBe(`./icons/${disguise}.svg`);
    }
    expect(iconHref('none')).toBe('./icons/app.svg');
    expect(new Set(disguised.map((disguise) => iconSvg(disguise))).size).toBe(disguised.length);
  });

  it('has the generated SVG and PNG of every icon in the renderer', () => {
    for (const disguise of DISGUISES) {
      const svg = join(ICONS_DIR, iconFileName(disguise, 'svg'));
      expect(readFileSync(svg, 'utf8')).toBe(iconSvg(disguise));
      const png = readFileSync(join(ICONS_DIR, iconFileName(disguise, 'png')));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(existsSync(svg)).toBe(true);
    }
  });

  it('reads unknown ids as none', () => {
    expect(parseDisguise('weather')).toBe('weather');
    expect(parseDisguise('Suviaz')).toBe('none');
    expect(parseDisguise(undefined)).toBe('none');
  });
});

describe('the served page', () => {
  it('wears the disguise in its title and icon link', () => {
    const html = withAppearance(PAGE, 'calculator');
    expect(html).toContain('<title>Calculator</title>');
    expect(html).toContain(
      '<link rel="icon" type="image/svg+xml" href="./icons/calculator.svg" />',
    );
    expect(html).not.toContain(APP_NAME);
    expect(html.match(/<title>/g)).toHaveLength(1);
  });

  it('has the app’s own name without a disguise', () => {
    expect(withAppearance(PAGE, 'none')).toContain(`<title>${APP_NAME}</title>`);
  });

  it('only rewrites the page itself', () => {
    expect(['/', '', '/index.html'].every(isIndexPath)).toBe(true);
    expect(isIndexPath('/assets/index.js')).toBe(false);
  });

  it('the built page names nothing before the shell fills it in', () => {
    const source = readFileSync(join(import.meta.dirname, '../../src-renderer/index.html'), 'utf8');
    expect(source).not.toContain(APP_NAME);
  });
});
