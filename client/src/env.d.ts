/// <reference types="vite/client" />

declare module "d3-scale-chromatic" {
  export const schemeYlOrRd: ReadonlyArray<ReadonlyArray<string>>;
  export const schemeBlues: ReadonlyArray<ReadonlyArray<string>>;
  export const schemePuBuGn: ReadonlyArray<ReadonlyArray<string>>;
  export const schemeYlGnBu: ReadonlyArray<ReadonlyArray<string>>;
  export const schemeOrRd: ReadonlyArray<ReadonlyArray<string>>;
  export const schemePurples: ReadonlyArray<ReadonlyArray<string>>;
  export const schemeRdBu: ReadonlyArray<ReadonlyArray<string>>;
}
