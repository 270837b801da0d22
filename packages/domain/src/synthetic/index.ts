export {
  generateNationalDataset,
  InvalidSyntheticOptions,
  type NationalDataset,
  SyntheticOptions,
  type SyntheticOptionsInput,
} from "./generate.ts";
export { PROVINCES } from "./geography.ts";
export { deriveSeed, mulberry32, type Rng } from "./prng.ts";
export { TEMPLATES, type Template } from "./templates.ts";
