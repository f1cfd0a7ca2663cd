import { describe, expect, it } from 'vitest';
import { caseNumberToken, looksLikeCaseNumber, normalizeText, searchTokens, toMyanmarUnicode } from './normalize.ts';

describe('search normalisation', () => {
  describe('Vietnamese', () => {
    it('folds diacritics and case, đ and Đ to d', () => {
      expect(searchTokens('Nguyễn Thị Hồng')).toEqual(['nguyen', 'thi', 'hong']);
      expect(searchTokens('Đặng Văn Đức')).toEqual(['dang', 'van', 'duc']);
      expect(searchTokens('nguyen thi hong')).toEqual(searchTokens('NGUYỄN THỊ HỒNG'));
    });

    it('treats precomposed and decomposed input alike', () => {
      expect(normalizeText('Nguyễn'.normalize('NFD'))).toBe(normalizeText('Nguyễn'.normalize('NFC')));
      expect(normalizeText('Trần Thị Bích Ngọc')).toBe('tran thi bich ngoc');
    });
  });

  describe('Arabic', () => {
    it('folds alef variants', () => {
      expect(normalizeText('أحمد')).toBe('احمد');
      expect(normalizeText('إسراء')).toBe(normalizeText('اسراء'));
      expect(normalizeText('آمنة')).toBe(normalizeText('امنه'));
      expect(normalizeText('ٱلله')).toBe('الله');
    });

    it('folds ta marbuta and alef maksura, hamza on waw and ya', () => {
      expect(normalizeText('فاطمة')).toBe('فاطمه');
      expect(normalizeText('مصطفى')).toBe('مصطفي');
      expect(normalizeText('مؤمن')).toBe('مومن');
      expect(normalizeText('هانئ')).toBe('هاني');
    });

    it('removes tashkeel and tatweel', () => {
      expect(normalizeText('مُصْطَفَى')).toBe(normalizeText('مصطفى'));
      expect(normalizeText('فَاطِمَةُ')).toBe('فاطمه');
      expect(normalizeText('أَحْمَد')).toBe('احمد');
      expect(normalizeText('محـــمد')).toBe('محمد');
      expect(normalizeText('رحمٰن')).toBe('رحمن');
    });

    it('tokenises a full name', () => {
      expect(searchTokens('أحمد بن عليّ، الحلبي')).toEqual(['احمد', 'بن', 'علي', 'الحلبي']);
    });
  });

  describe('Burmese', () => {
    const unicode = 'မောင်မောင်';
    const zawgyi = 'ေမာင္ေမာင္';

    it('keeps Unicode Burmese as typed', () => {
      expect(toMyanmarUnicode(unicode)).toBe(unicode);
      expect(searchTokens('အောင်ကျော် မင်း')).toEqual(['အောင်ကျော်', 'မင်း']);
    });

    it('converts a name typed in Zawgyi to Unicode', () => {
      expect(toMyanmarUnicode(zawgyi)).toBe(unicode);
      expect(toMyanmarUnicode('ေအာင္ေက်ာ္')).toBe('အောင်ကျော်');
      expect(searchTokens(zawgyi)).toEqual(searchTokens(unicode));
    });

    it('splits on Burmese punctuation', () => {
      expect(searchTokens('မောင်မောင်၊ အောင်ကျော်။')).toEqual(['မောင်မောင်', 'အောင်ကျော်']);
    });

    it('leaves text without Burmese alone', () => {
      expect(toMyanmarUnicode('Nguyễn')).toBe('Nguyễn');
    });
  });

  describe('case numbers', () => {
    it('reduces a case number to one token', () => {
      expect(caseNumberToken('NA-2026-000123')).toBe('na2026000123');
      expect(looksLikeCaseNumber('na-2026-000123')).toBe(true);
      expect(looksLikeCaseNumber('NA 2026 123')).toBe(true);
      expect(looksLikeCaseNumber('Nguyen')).toBe(false);
    });
  });

  it('finds no tokens in punctuation only', () => {
    expect(searchTokens(' - , . ')).toEqual([]);
  });
});
