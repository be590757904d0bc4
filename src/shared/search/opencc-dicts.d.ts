// opencc-js ships its dictionaries as plain ESM modules without typings;
// each default-exports the dictionary as one "from to|from to" string.
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TSPhrases' {
  const dict: string;
  export default dict;
}
