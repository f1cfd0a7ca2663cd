import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanName, HttpUrl, PersonName, SafeLine, SafeText } from './text.ts';

const name = PersonName({ max: 200 });
const text = SafeText({ max: 20_000 });
const line = SafeLine({ max: 200 });

/** Real names, as people write them, in the four languages of Sanad (and with emoji, as some are typed). */
const NAME_PARTS = {
  vi: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Thị', 'Văn', 'Hữu', 'Đức',
    'Ngọc', 'Hồng', 'Bình', 'Hương', 'Dũng', 'Phượng', 'Tuấn', 'Quỳnh', 'Khánh', 'Nguyệt', 'Thuỷ', 'Ánh', 'Ưng', 'Ơn'],
  my: ['မခင်မာဝင်း', 'ဦးအောင်', 'ဒေါ်စုစု', 'မောင်မောင်', 'ကျော်ကျော်', 'နန်းခမ်း', 'စောထူး', 'သီဟ', 'ဇော်ဇော်', 'မြင့်မြင့်',
    'ဝင်းနိုင်', 'ဥက္ကာ', 'သိင်္ဂီ', 'ခင်မာ', 'ကို', 'နှင်းဆီ', 'ဦးဉာဏ်'],
  ar: ['أحمد', 'محمد', 'فاطمة', 'الزهراء', 'عبد', 'الله', 'خديجة', 'يوسف', 'مريم', 'الحلبي', 'آمنة', 'إبراهيم', 'مُحمد', 'عليّ',
    // Arabic-script names written with a zero-width non-joiner (Kurdish and Persian spelling in Syria).
    'مه‌لقا', 'زین‌العابدین', 'نازنین‌زهرا'],
  en: ['Mary-Jane', "O'Neil", 'Anne', 'Smith', 'Zoë', 'Chloé', 'Ahmed', 'Aung'],
  emoji: ['🌸', '👨‍👩‍👧', '🏳️‍🌈', '❤️‍🔥', '👩🏽‍💻', '🇻🇳', '🇲🇲', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '1️⃣'],
};
const partsOf = (...scripts: (keyof typeof NAME_PARTS)[]) => fc.constantFrom(...scripts.flatMap((script) => NAME_PARTS[script]));
const realName = fc.oneof(
  ...(['vi', 'my', 'ar', 'en'] as const).map((script) => fc.array(partsOf(script), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '))),
  fc.tuple(fc.array(partsOf('vi', 'my', 'ar', 'en'), { minLength: 1, maxLength: 3 }), partsOf('emoji')).map(([parts, emoji]) => `${parts.join(' ')} ${emoji}`),
);

const BIDI_CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const CONTROLS = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((code) => String.fromCharCode(code));

/** `text` with `insert` put at a random place. */
const withInserted = (base: fc.Arbitrary<string>, insert: fc.Arbitrary<string>) =>
  fc.tuple(base, insert, fc.nat()).map(([value, extra, at]) => {
    const characters = Array.from(value);
    const i = at % (characters.length + 1);
    return [value, [...characters.slice(0, i), extra, ...characters.slice(i)].join(''), extra] as const;
  });

describe('PersonName', () => {
  it('takes real names in Vietnamese, Burmese, Arabic (with ZWNJ), English and with emoji exactly as written', () => {
    fc.assert(fc.property(realName, (value) => {
      expect(name.parse(value)).toBe(value);
      expect(line.parse(value)).toBe(value);
      expect(text.parse(value)).toBe(value);
    }), { numRuns: 500 });
  });

  it('strips bidirectional controls and marks wherever they are', () => {
    fc.assert(fc.property(withInserted(realName, fc.constantFrom(...BIDI_CONTROLS, '\u200E', '\u200F', '\u061C')), ([value, tampered]) => {
      expect(name.parse(tampered)).toBe(value);
    }));
    expect(name.parse('\u202EliA')).toBe('liA');
    expect(name.parse('Ali \u2067محمد\u2069')).toBe('Ali محمد');
  });

  it('strips zero-width spaces, word joiners, byte order marks and stray tag characters', () => {
    fc.assert(fc.property(withInserted(realName, fc.constantFrom('\u200B', '\u2060', '\uFEFF', '\u00AD')), ([value, tampered]) => {
      expect(name.parse(tampered)).toBe(value);
    }));
    // A tag character hides text; outside a flag it goes (inside one it breaks the flag, which goes with it).
    const withoutFlags = realName.filter((value) => !value.includes('\u{E007F}'));
    fc.assert(fc.property(withInserted(withoutFlags, fc.constantFrom('\u{E0041}', '\u{E0001}', '\u{E0068}\u{E0069}')), ([value, tampered]) => {
      expect(name.parse(tampered)).toBe(value);
      expect(text.parse(tampered)).toBe(value);
    }));
    expect(name.parse('🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} Scotland')).toBe('🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} Scotland');
  });

  it('keeps joiners that join, drops those that join nothing', () => {
    expect(name.parse('مه‌لقا')).toBe('مه‌لقا');
    expect(name.parse('👨‍👩‍👧')).toBe('👨‍👩‍👧');
    expect(name.parse('Ngu\u200Dyễn')).toBe('Nguyễn');
    expect(name.parse('Anne\u200C Smith')).toBe('Anne Smith');
    expect(name.parse('\u200Dمريم\u200C')).toBe('مريم');
  });

  it('refuses control characters, new lines and tabs', () => {
    fc.assert(fc.property(withInserted(realName, CONTROLS.filter((c) => c.trim() !== '')), ([, tampered, control]) => {
      const result = name.safeParse(tampered);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(control === '\t' || control === '\n' ? /one line/ : /control character U\+00[0-9A-F]{2}/);
    }));
    expect(name.safeParse('Hồng\nLan').success).toBe(false);
    expect(name.safeParse('Hồng\u2028Lan').success).toBe(false);
  });

  it('stores Vietnamese typed decomposed (NFD) composed (NFC), trimmed', () => {
    const nfd = 'Nguyễn Thị Hồng'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Thị Hồng');
    expect(name.parse(`  ${nfd} `)).toBe('Nguyễn Thị Hồng');
    fc.assert(fc.property(realName, (value) => {
      expect(name.parse(value.normalize('NFD'))).toBe(value.normalize('NFC'));
    }));
  });

  it('is blank once cleaned of what is invisible: refused', () => {
    expect(name.safeParse('\u202E\u200B ').success).toBe(false);
  });

  it('whatever comes in, what it stores is clean, and cleaning it again changes nothing', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
      const result = name.safeParse(value);
      if (!result.success) return;
      expect(result.data).not.toMatch(/[\p{Cc}\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF\u2028\u2029]/u);
      expect(result.data.normalize('NFC')).toBe(result.data);
      expect(cleanName(result.data)).toBe(result.data);
    }), { numRuns: 2000 });
  });
});

describe('SafeText', () => {
  it('keeps new lines and tabs in multi-line text, takes CR LF and CR as new lines', () => {
    expect(text.parse('Visit on Monday.\r\n\tBring the form.\rCall first.')).toBe('Visit on Monday.\n\tBring the form.\nCall first.');
    expect(line.safeParse('two\nlines').success).toBe(false);
  });

  it('refuses control characters, and embeddings, overrides and isolates, naming the character', () => {
    expect(text.safeParse('a\u0000b').error?.issues[0]?.message).toBe('Remove the control character U+0000');
    expect(text.safeParse('ring \u0007').error?.issues[0]?.message).toBe('Remove the control character U+0007');
    expect(text.safeParse('paid \u202E0001\u202C').error?.issues[0]?.message).toBe('Remove the text direction control U+202E');
    fc.assert(fc.property(withInserted(realName, fc.constantFrom(...BIDI_CONTROLS)), ([, tampered]) => {
      expect(text.safeParse(tampered).success).toBe(false);
    }));
    fc.assert(fc.property(withInserted(realName, CONTROLS.filter((c) => !'\t\n\r'.includes(c) && c.trim() !== '')), ([, tampered]) => {
      expect(text.safeParse(tampered).success).toBe(false);
    }));
  });

  it('keeps the marks mixed Arabic and Latin text is written with, and Burmese as typed', () => {
    expect(text.parse('رقم الملف \u200FNA-2026-000003\u200F')).toBe('رقم الملف \u200FNA-2026-000003\u200F');
    expect(text.parse('ကလေးသည် ကျန်းမာသည်။')).toBe('ကလေးသည် ကျန်းမာသည်။');
  });

  it('refuses broken Unicode (lone surrogates)', () => {
    expect(text.safeParse('a\uD800b').success).toBe(false);
    expect(name.safeParse('a\uDC00').success).toBe(false);
  });

  it('whatever comes in, what it stores has no control character but tab and new line, and no bidi control', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (value) => {
      const result = text.safeParse(value);
      if (!result.success) return;
      expect(result.data).not.toMatch(/(?![\t\n])\p{Cc}|[\u202A-\u202E\u2066-\u2069\u200B\uFEFF]/u);
      expect(result.data.normalize('NFC')).toBe(result.data);
    }), { numRuns: 2000 });
  });
});

describe('HttpUrl', () => {
  it('takes http and https addresses', () => {
    for (const url of ['https://hope.example.org', 'http://example.org/path?q=1#top', 'https://xn--p1ai.example/ar', 'https://例え.jp/']) {
      expect(HttpUrl.parse(url)).toBe(url);
    }
  });

  it('refuses other schemes, credentials, hidden characters and what is not a URL', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)', 'file:///etc/passwd', 'ftp://example.org', 'http://user:pw@example.org', 'https://user@example.org', 'https://exa\u200Bmple.org',
      'https://example.org/\u202Egpj.exe', 'https://exa\tmple.org', 'http://', 'example.org', '//example.org', '']) {
      expect(HttpUrl.safeParse(url).success, url).toBe(false);
    }
  });
});
