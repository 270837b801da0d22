/**
 * The app's Ant Design theme. Ant Design's default colours put small text below WCAG AA's 4.5:1
 * (primary #1677ff on white 4.1:1, secondary text 3.4:1, tag text 2.8–3.9:1); these tokens keep
 * every text colour at ≥ 4.5:1 on the backgrounds it appears on (checked by axe in the e2e suite).
 */
import type { ThemeConfig } from "antd";

/** Palette step 7 of each preset colour: the text of a filled tag on its step-1 background. */
const tagText = {
  blue7: "#003eb3",
  cyan7: "#006d75",
  geekblue7: "#1d39c4",
  gold7: "#874d00",
  green7: "#237804",
  lime7: "#3f6600",
  magenta7: "#9e1068",
  orange7: "#ad4e00",
  purple7: "#531dab",
  red7: "#a8071a",
  volcano7: "#ad2102",
  yellow7: "#876800",
};

export const theme: ThemeConfig = {
  token: {
    borderRadius: 4,
    // Links, selected menu items, primary buttons (white on it): 6.2:1 on white, 5.5:1 on #e6f4ff.
    colorPrimary: "#0958d9",
    colorLink: "#0958d9",
    colorInfo: "#0958d9",
    // Danger links and error text: 5.6:1 on white.
    colorError: "#cf1322",
    // Secondary text, menu group titles, breadcrumbs, statistic titles: ≥ 5.5:1 on light greys.
    colorTextTertiary: "rgba(0, 0, 0, 0.6)",
    colorTextDescription: "rgba(0, 0, 0, 0.6)",
    // A select's placeholder is real text: 4.8:1.
    colorTextPlaceholder: "rgba(0, 0, 0, 0.56)",
  },
  components: {
    // A read-only grid shows its values in disabled inputs: they stay readable (5.6:1 on #f5f5f5).
    Input: { colorTextDisabled: "rgba(0, 0, 0, 0.6)" },
    // Status and preset tags: darker text on the same light backgrounds (≥ 5:1 at 12 px).
    Tag: {
      ...tagText,
      colorSuccess: "#237804",
      colorInfo: "#003eb3",
      colorWarning: "#874d00",
      colorError: "#a8071a",
    },
  },
};
