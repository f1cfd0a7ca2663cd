/** Types for Google's `myanmar-tools` (CommonJS, no bundled types): the Zawgyi detector and converter. */
declare module 'myanmar-tools' {
  export class ZawgyiDetector {
    /** 0…1 that the text is Zawgyi rather than Unicode; -Infinity when it holds no Myanmar text. */
    getZawgyiProbability(text: string, detailed?: boolean): number;
  }
  export class ZawgyiConverter {
    zawgyiToUnicode(text: string): string;
    unicodeToZawgyi(text: string): string;
  }
  const myanmarTools: { ZawgyiDetector: typeof ZawgyiDetector; ZawgyiConverter: typeof ZawgyiConverter };
  export default myanmarTools;
}
