import { useEffect, useSyncExternalStore } from "react";
import { splitLocation } from "./match-path.ts";
import { block, getHash, subscribe } from "./navigation.ts";

/** The current path and query string; re-renders on navigation. */
export function useLocation() {
  const hash = useSyncExternalStore(subscribe, getHash, () => "");
  return splitLocation(hash);
}

/** While `dirty`, leaving the screen (link, back button, closing the tab) asks for confirmation. */
export function useUnsavedChangesGuard(
  dirty: boolean,
  message = "有尚未保存的修改，确定离开吗？离开后修改将丢失。",
) {
  useEffect(() => {
    if (!dirty) return;
    return block(message);
  }, [dirty, message]);
}
