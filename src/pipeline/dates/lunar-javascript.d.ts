// The package ships no type declarations; only the calls this folder makes are declared.
declare module 'lunar-javascript' {
  interface LunarSolarDate {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    getLunar(): LunarDate;
  }
  interface LunarDate {
    getSolar(): LunarSolarDate;
    getJieQiTable(): Record<string, LunarSolarDate>;
  }
  const lunarJavascript: {
    Lunar: { fromYmd(year: number, month: number, day: number): LunarDate };
    Solar: { fromYmd(year: number, month: number, day: number): LunarSolarDate };
  };
  export default lunarJavascript;
}
