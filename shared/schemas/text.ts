import * as z from 'zod';

/**
 * The one text schema for everything a user types that is stored: names, free text and web addresses.
 *
 * Every text is normalised to NFC (Vietnamese typed as letters plus combining marks is stored composed, as the
 * search index expects) and loses the invisible characters that have no place in Burmese, Vietnamese, Arabic or
 * English: zero-width space U+200B, word joiner U+2060, the invisible operators U+2061–U+2064, the byte order
 * mark U+FEFF, the soft hyphen U+00AD, the Mongolian vowel separator U+180E, the Hangul fillers and tag
 * characters outside an emoji flag. The zero-width non-joiner U+200C and joiner U+200D stay: Arabic-script,
 * Burmese and Indic text and emoji sequences need them. Then, by kind:
 *
 *  - **Names** (`PersonName`: people, organisations, services, places, labels) are one line. Bidirectional
 *    controls — embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, the marks U+200E, U+200F and
 *    U+061C — are stripped (a name reads the same without them; with them "Ali" can display as "ilA"), and so
 *    is a joiner that joins nothing (at an edge, beside a space, a Latin or ASCII character). Control
 *    characters are refused.
 *  - **Free text** (`SafeText`: notes, reasons, comments, descriptions) is refused with a control character
 *    (C0 U+0000–U+001F, DEL, C1 U+0080–U+009F; multi-line text allows tab and new line, and takes CR LF, CR and
 *    the Unicode line and paragraph separators as a new line) or an embedding, override or isolate — a text
 *    with one is not what it looks like. The marks stay: they are how mixed Arabic and Latin text is written.
 *  - **Web addresses** (`HttpUrl`) are `http:` or `https:` URLs with a host and without credentials.
 *
 * Every kind refuses lone surrogates and the noncharacters U+FFFE and U+FFFF. Stored records are read with plain
 * strings (what was stored before these rules must still read); these schemas are for what comes in.
 */

/** C0 controls, DEL and C1 controls (exactly the general category Cc). */
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_TAB_AND_NEWLINE = /(?![\t\n])\p{Cc}/u;
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/gu;
/** Embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder what is displayed. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
/** The controls and the marks LRM, RLM and ALM: none has a place inside a name. */
const BIDI_IN_NAMES = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;
const INVISIBLE = /[\u00AD\u180E\u200B\u2060-\u2064\uFEFF\u115F\u1160\u3164\uFFA0]/gu;
/** Tag characters, kept only in an emoji tag sequence (the flags of England, Scotland, Wales). */
const TAGS = /(\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]+\u{E007F})|[\u{E0000}-\u{E007F}]/gu;
const BROKEN = /[\p{Cs}\uFFFE\uFFFF]/u;
const JOINER = /^[\u200C\u200D]$/u;
/** What a joiner may stand between in a name: letters, marks and digits other than Latin and ASCII, emoji. */
const JOINABLE = /^[\p{L}\p{M}\p{N}\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;
const LATIN_OR_ASCII = /^[\p{Script=Latin}\p{ASCII}]$/u;

/** Tag characters outside an emoji flag removed: invisible text hidden in visible text. */
const withoutStrayTags = (text: string) => text.replace(TAGS, (_, flag: string | undefined) => flag ?? '');

/** The invisible characters that carry nothing removed (before NFC: removing one may let its neighbours compose). */
const withoutInvisible = (text: string) => withoutStrayTags(text.replace(INVISIBLE, ''));

const joins = (character: string | undefined) => character !== undefined && JOINABLE.test(character) && !LATIN_OR_ASCII.test(character);

/** Joiners that join nothing removed: at an edge, beside a space, a Latin or ASCII character, or another joiner. */
function withoutIdleJoiners(text: string): string {
  if (!/[\u200C\u200D]/u.test(text)) return text;
  const characters = Array.from(text);
  return characters.filter((character, i) => !JOINER.test(character) || (joins(characters[i - 1]) && joins(characters[i + 1]))).join('');
}

/** A name as stored: NFC, without invisible characters, bidirectional controls or idle joiners, trimmed. */
export function cleanName(name: string): string {
  // NFC before the joiners are looked at (a Latin letter and its accent are one character then) and after
  // (a removed joiner may have stood between a letter and its accent).
  return withoutIdleJoiners(withoutInvisible(name.replace(BIDI_IN_NAMES, '')).normalize('NFC')).normalize('NFC').trim();
}

/** Free text as stored: NFC, without invisible characters, new lines as `\n` (multi-line text), trimmed. */
export function cleanText(text: string, options: { multiline?: boolean } = {}): string {
  const cleaned = withoutInvisible(text).normalize('NFC');
  return (options.multiline ? cleaned.replace(LINE_BREAKS, '\n') : cleaned).trim();
}

const codePoint = (character: string) => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a (cleaned) text is refused, or undefined when it is safe to store. */
export function unsafeCharacter(text: string, options: { multiline?: boolean; bidi?: boolean } = {}): string | undefined {
  const control = (options.multiline ? CONTROL_BUT_TAB_AND_NEWLINE : CONTROL).exec(text)?.[0];
  if (control !== undefined) {
    return control === '\n' || control === '\t' ? 'Use one line, without tabs' : `Remove the control character ${codePoint(control)}`;
  }
  if (/[\u2028\u2029]/u.test(text)) return 'Use one line';
  const bidi = options.bidi === false ? undefined : BIDI_CONTROLS.exec(text)?.[0];
  if (bidi !== undefined) return `Remove the text direction control ${codePoint(bidi)}`;
  if (BROKEN.test(text)) return 'Remove the broken character (it is not valid Unicode)';
  return undefined;
}

interface Length {
  max: number;
  /** Default 1: blank is refused. 0 accepts blank (a schema's `.optional()` still decides absence). */
  min?: number;
  /** Message when shorter than `min`. */
  required?: string;
  /** Message for a value that is not text (zod's own otherwise; it also stands for `max`). */
  invalid?: string;
}

const string = (invalid: string | undefined) => (invalid === undefined ? z.string() : z.string({ error: invalid }));

/** A refinement refusing what `unsafeCharacter` finds, with its message: for a text that must be kept as typed (an id). */
export const refuseUnsafe = (options: { multiline?: boolean; bidi?: boolean } = {}) => (value: string, ctx: z.RefinementCtx<string>) => {
  const problem = unsafeCharacter(value, options);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
};

/**
 * A name — of a person, an organisation, a service, a place, or a label: one line, NFC, trimmed, with
 * bidirectional controls and idle joiners stripped; a control character is refused.
 */
export const PersonName = ({ max, min = 1, required = 'Required', invalid }: Length) =>
  string(invalid).overwrite(cleanName).min(min, required).max(max).superRefine(refuseUnsafe({ bidi: false }));

/**
 * Free text — a note, a reason, a comment, a description: NFC, trimmed, without invisible characters; a control
 * character (but tab and new line in multi-line text) or an embedding, override or isolate is refused.
 */
export const SafeText = ({ max, min = 1, required = 'Required', invalid, multiline = true }: Length & { multiline?: boolean }) =>
  string(invalid).overwrite((text) => cleanText(text, { multiline })).min(min, required).max(max).superRefine(refuseUnsafe({ multiline }));

/** One line of free text (a phone number, a code typed by hand): `SafeText` without tab or new line. */
export const SafeLine = (length: Length) => SafeText({ ...length, multiline: false });

/** Whether `text` is an `http:` or `https:` URL with a host, without user name or password, as typed. */
export function isHttpUrl(text: string): boolean {
  // The URL parser drops tabs and new lines, trims controls and maps some invisible characters away: refuse
  // them all, so that what is stored is what is parsed.
  if (/[\s\p{Cc}\p{Cf}\p{Cs}\uFFFE\uFFFF]/u.test(text)) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && url.username === '' && url.password === '';
}

/** A web address: `http:` or `https:` only (never `javascript:` or `data:`), with a host, without credentials. */
export const HttpUrl = z
  .string()
  .trim()
  .max(500)
  .refine(isHttpUrl, { message: 'Use a web address starting with https:// (or http://), without a user name or password' });
