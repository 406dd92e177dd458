// The Russian, Ukrainian and Belarusian ЙЦУКЕН layouts, as zxcvbn adjacency graphs (so "йцукен",
// "фывапр" or "ячсмит" count as keyboard walks, like "qwerty") and as a key-for-key map to the Latin
// QWERTY layout (so "gfhjkm", пароль typed with the layout left on English, counts as the word).
// Layouts from the standard Windows keyboards; the graph construction follows zxcvbn's own
// build_keyboard_adjacency_graphs.py (slanted rows, six neighbours per key). Written for Suviaz.

/** Each key as its unshifted and shifted character; rows aligned key for key with QWERTY below. */
const QWERTY = [
  '`~ 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) -_ =+',
  'qQ wW eE rR tT yY uU iI oO pP [{ ]} \\|',
  'aA sS dD fF gG hH jJ kK lL ;: \'"',
  'zZ xX cC vV bB nN mM ,< .> /?',
];
const LAYOUTS = {
  russian: [
    'ёЁ 1! 2" 3№ 4; 5% 6: 7? 8* 9( 0) -_ =+',
    'йЙ цЦ уУ кК еЕ нН гГ шШ щЩ зЗ хХ ъЪ \\/',
    'фФ ыЫ вВ аА пП рР оО лЛ дД жЖ эЭ',
    'яЯ чЧ сС мМ иИ тТ ьЬ бБ юЮ .,',
  ],
  ukrainian: [
    '\'₴ 1! 2" 3№ 4; 5% 6: 7? 8* 9( 0) -_ =+',
    'йЙ цЦ уУ кК еЕ нН гГ шШ щЩ зЗ хХ їЇ ґҐ',
    'фФ іІ вВ аА пП рР оО лЛ дД жЖ єЄ',
    'яЯ чЧ сС мМ иИ тТ ьЬ бБ юЮ .,',
  ],
  belarusian: [
    'ёЁ 1! 2" 3№ 4; 5% 6: 7? 8* 9( 0) -_ =+',
    "йЙ цЦ уУ кК еЕ нН гГ шШ ўЎ зЗ хХ '' \\/",
    'фФ іІ вВ аА пП рР оО лЛ дД жЖ эЭ',
    'яЯ чЧ сС мМ иИ тТ ьЬ бБ юЮ .,',
  ],
} as const;

type Graph = Record<string, (string | null)[]>;

const tokens = (row: string): string[] => row.split(' ');

/**
 * A slanted keyboard's graph: key (x, y) has neighbours left, upper-left, upper-right, right,
 * lower-right, lower-left, in zxcvbn's order. The digit row starts half a key further left than
 * the letter rows, so its keys sit one column to the left of the same index below.
 */
function slantedGraph(rows: readonly string[]): Graph {
  const at = new Map<string, string>();
  rows.forEach((row, y) => {
    tokens(row).forEach((token, i) => at.set(`${y === 0 ? i : i + 1},${y}`, token));
  });
  const graph: Graph = {};
  for (const [position, token] of at) {
    const [x, y] = position.split(',').map(Number) as [number, number];
    const around = [
      [x - 1, y],
      [x, y - 1],
      [x + 1, y - 1],
      [x + 1, y],
      [x, y + 1],
      [x - 1, y + 1],
    ].map(([nx, ny]) => at.get(`${nx},${ny}`) ?? null);
    for (const char of token) graph[char] = around;
  }
  return graph;
}

export const CYRILLIC_GRAPHS: Record<keyof typeof LAYOUTS, Graph> = {
  russian: slantedGraph(LAYOUTS.russian),
  ukrainian: slantedGraph(LAYOUTS.ukrainian),
  belarusian: slantedGraph(LAYOUTS.belarusian),
};

/** Lower-case character on the same key, for every layout: one map each way. */
function keyMaps(): { toLatin: Map<string, string>; toCyrillic: Map<string, string> } {
  const toLatin = new Map<string, string>();
  const toCyrillic = new Map<string, string>();
  for (const rows of Object.values(LAYOUTS)) {
    rows.forEach((row, y) => {
      const latin = tokens(QWERTY[y] ?? '');
      tokens(row).forEach((token, i) => {
        const key = latin[i];
        const cyr = token[0];
        if (!key || !cyr || /[0-9]/.test(cyr)) return;
        if (!toLatin.has(cyr)) toLatin.set(cyr, key[0] ?? '');
        // Russian first: it is the layout whose letters these keys most often carry.
        if (!toCyrillic.has(key[0] ?? '')) toCyrillic.set(key[0] ?? '', cyr);
      });
    });
  }
  return { toLatin, toCyrillic };
}

const maps = keyMaps();

const retype = (word: string, map: Map<string, string>): string | null => {
  let out = '';
  for (const char of word) {
    const mapped = map.get(char);
    if (mapped === undefined) return null;
    out += mapped;
  }
  return out;
};

/** A Cyrillic word as typed with the layout left on QWERTY (пароль → gfhjkm), or null. */
export const onLatinLayout = (word: string): string | null => retype(word, maps.toLatin);

/** A Latin word as typed with the layout left on ЙЦУКЕН (password → зфыыцщкв), or null. */
export const onCyrillicLayout = (word: string): string | null => retype(word, maps.toCyrillic);
