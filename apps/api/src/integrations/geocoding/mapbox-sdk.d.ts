/// <reference types="mapbox__mapbox-sdk" />

// @types/mapbox__mapbox-sdk declares the services without an extension, but the package has no "exports"
// map, so Node's ESM loader only finds `services/geocoding.js` with its extension: the import uses that path,
// typed by the DefinitelyTyped declaration.
declare module '@mapbox/mapbox-sdk/services/geocoding.js' {
  export { default } from '@mapbox/mapbox-sdk/services/geocoding';
}
