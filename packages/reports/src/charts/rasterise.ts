import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { initWasm, Resvg } from "@resvg/resvg-wasm";

/**
 * SVG → PNG with resvg compiled to WebAssembly: no native build, nothing downloaded at run time
 * (the .wasm ships inside the npm package). resvg draws text only with fonts it is given, so a
 * CJK font is looked up once: `YBPLAN_CHART_FONT`, then the usual Debian paths
 * (fonts-noto-cjk, fonts-wqy). Without one the chart still renders, with its labels missing.
 */

/** Font files and the family name each holds (resvg picks fonts by family). */
const fontCandidates: readonly (readonly [string, string])[] = [
  ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"],
  ["/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC"],
  ["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "WenQuanYi Micro Hei"],
  ["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "WenQuanYi Zen Hei"],
  ["/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", "Droid Sans Fallback"],
];

let ready: Promise<void> | null = null;
interface ChartFont {
  readonly buffer: Uint8Array;
  readonly path: string;
  readonly family: string;
}
let font: ChartFont | null | undefined;

function initialise(): Promise<void> {
  if (!ready) {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve("@resvg/resvg-wasm/index_bg.wasm"));
    ready = initWasm(wasm);
  }
  return ready;
}

/** The CJK font used for chart text, or null when none is installed. */
export function chartFont(): ChartFont | null {
  if (font === undefined) {
    const custom = process.env.YBPLAN_CHART_FONT;
    const candidates: (readonly [string, string])[] = custom
      ? [[custom, process.env.YBPLAN_CHART_FONT_FAMILY ?? "Noto Sans CJK SC"], ...fontCandidates]
      : [...fontCandidates];
    const hit = candidates.find(([p]) => existsSync(p));
    font = hit ? { buffer: new Uint8Array(readFileSync(hit[0])), path: hit[0], family: hit[1] } : null;
  }
  return font;
}

/** Rasterises an SVG to PNG at `width` pixels (height follows the aspect ratio). */
export async function svgToPng(svg: string, width: number): Promise<Uint8Array> {
  await initialise();
  const f = chartFont();
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: width },
    background: "#ffffff",
    font: f
      ? {
          fontBuffers: [f.buffer],
          loadSystemFonts: false,
          defaultFontFamily: f.family,
          sansSerifFamily: f.family,
        }
      : { loadSystemFonts: false },
  });
  const rendered = resvg.render();
  try {
    return rendered.asPng();
  } finally {
    rendered.free();
    resvg.free();
  }
}

/** Pixel size of an SVG from its root width/height attributes. */
export function svgSize(svg: string): { width: number; height: number } {
  const w = /<svg[^>]*\bwidth="(\d+(?:\.\d+)?)/.exec(svg);
  const h = /<svg[^>]*\bheight="(\d+(?:\.\d+)?)/.exec(svg);
  return { width: Number(w?.[1] ?? 640), height: Number(h?.[1] ?? 320) };
}
