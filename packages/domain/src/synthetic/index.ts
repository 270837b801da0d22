export {
  generateNationalDataset,
  InvalidSyntheticOptions,
  type NationalDataset,
  SyntheticOptions,
  type SyntheticOptionsInput,
} from "./generate.ts";
export { mulberry32, deriveSeed, type Rng } from "./prng.ts";
export { PROVINCES } from "./geography.ts";
export { TEMPLATES, type Template } from "./templates.ts";
