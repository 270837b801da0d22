import type { GetRef, Table } from "antd";
import { useEffect, useRef } from "react";

type TableRef = GetRef<typeof Table>;

/**
 * A table that scrolls inside its own box (wide columns, a fixed-height grid) must be reachable
 * by keyboard even when its rows hold nothing focusable (a read-only grid, a viewer's indicator
 * list): the scroll box gets tabindex 0 and a name, so arrow keys scroll it (WCAG 2.1.1).
 * Pass the returned ref to the antd `<Table ref>`.
 */
export function useKeyboardScroll(label: string) {
  const ref = useRef<TableRef>(null);
  useEffect(() => {
    const boxes = ref.current?.nativeElement.querySelectorAll<HTMLElement>(
      ".ant-table-body, .ant-table-content",
    );
    for (const box of boxes ?? []) {
      if (box.tabIndex === 0) continue;
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", label);
    }
  });
  return ref;
}
