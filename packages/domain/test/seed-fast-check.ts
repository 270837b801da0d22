/**
 * One seeded PRNG for the property tests: CI runs the same cases every time, so a red run is
 * reproducible and a green one is not luck. Set FC_SEED to explore other seeds locally.
 */
import fc from "fast-check";

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_203) });
