/**
 * Gazetteer of Chinese administrative divisions for the build-time pipeline
 * (never shipped to the browser): official names from `china-area-data`, short
 * forms and aliases (湖北, 宁夏, 恩施州), and a context-aware matcher that keeps
 * ordinary words (全州, 三重, 公安, 安康) from being read as places.
 */
export { buildGazetteer, placeStem, stripEthnicNames, type Place, type PlaceLevel } from './regions/gazetteer.ts';
export { surfaceFormsOf, SHORT_FORM_STOP_LIST, type SurfaceForm, type FormTrust } from './regions/surfaceForms.ts';
export {
  findPlaces,
  placeByCode,
  lineage,
  isInside,
  resolvePlace,
  shortQuoteSpans,
  startsPlaceForm,
  type PlaceMention,
} from './regions/findPlaces.ts';
