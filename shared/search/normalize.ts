// myanmar-tools is CommonJS: its default export is `module.exports`, which Node's ESM loader, tsx, vitest and
// esbuild's ESM bundles all provide (named imports are not detectable in its index.js).
import myanmarTools from 'myanmar-tools';

/**
 * Search normalisation for names in the four scripts, used for the search index and for queries alike:
 * what a caseworker types and what was stored meet on the same tokens.
 *  - Burmese typed in the legacy Zawgyi encoding is converted to Unicode first.
 *  - NFKC, lower case; Latin diacritics dropped (Vietnamese `Nguyễn` → `nguyen`, `đ`/`Đ` → `d`).
 *  - Arabic: alef variants (أ إ آ ٱ) → ا, ta marbuta ة → ه, alef maksura ى → ي, hamza on waw/ya ؤ ئ → و ي,
 *    tashkeel (U+064B–U+0652, U+0670) and tatweel (U+0640) removed.
 *  - Split on whitespace and punctuation.
 */

const MYANMAR = /[\u1000-\u109F]/;
/** Above this probability (as myanmar-tools recommends for short texts), text is treated as Zawgyi. */
const ZAWGYI_THRESHOLD = 0.9;

let tools: { detector: InstanceType<typeof myanmarTools.ZawgyiDetector>; converter: InstanceType<typeof myanmarTools.ZawgyiConverter> } | undefined;
const zawgyiTools = () => (tools ??= { detector: new myanmarTools.ZawgyiDetector(), converter: new myanmarTools.ZawgyiConverter() });

/** Burmese text in Zawgyi converted to Unicode; anything else (Unicode Burmese included) unchanged. */
export function toMyanmarUnicode(text: string): string {
  if (!MYANMAR.test(text)) return text;
  const { detector, converter } = zawgyiTools();
  return detector.getZawgyiProbability(text) > ZAWGYI_THRESHOLD ? converter.zawgyiToUnicode(text) : text;
}

const ARABIC_FOLDS: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا',
  'ة': 'ه',
  'ى': 'ي',
  'ؤ': 'و', 'ئ': 'ي',
};
const ARABIC_VARIANTS = /[أإآٱةىؤئ]/g;
const ARABIC_MARKS = /[\u064B-\u0652\u0670\u0640]/g;
/** Combining marks of Latin letters only: Burmese and Arabic vowel signs are combining marks too, and matter. */
const LATIN_MARKS = /[\u0300-\u036F]/g;

/** One text, normalised for comparison (not yet split). */
export function normalizeText(text: string): string {
  return toMyanmarUnicode(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(ARABIC_MARKS, '')
    // NFD splits أ into ا + hamza above, so the Arabic folds come first.
    .replace(ARABIC_VARIANTS, (letter) => ARABIC_FOLDS[letter] ?? letter)
    .normalize('NFD')
    .replace(LATIN_MARKS, '')
    .normalize('NFC');
}

const SEPARATORS = /[\s\p{P}\p{S}]+/u;

/** The distinct search tokens of a text, in order. */
export function searchTokens(text: string): string[] {
  return [...new Set(normalizeText(text).split(SEPARATORS).filter((token) => token.length > 0))];
}

/** A case number as one token, letters and digits only: `NA-2026-000123` → `na2026000123`. */
export const caseNumberToken = (caseNumber: string): string => normalizeText(caseNumber).replace(/[^\p{L}\p{N}]/gu, '');

/** Whether a query looks like a case number (`NA-2026-000123`, `na 2026 123`) rather than a name. */
export const looksLikeCaseNumber = (query: string): boolean => /^[a-z]{2,6}[\s-]*\d{4}[\s-]*\d+$/i.test(query.trim());
