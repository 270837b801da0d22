import type { AnchorHTMLAttributes, MouseEvent } from "react";
import { navigate } from "./navigation.ts";

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: string };

/** An ordinary anchor (keyboard, middle-click and "open in new tab" work) that routes in-app. */
export function Link({ to, onClick, ...rest }: Props) {
  function handle(e: MouseEvent<HTMLAnchorElement>) {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void navigate(to);
  }
  return <a href={`#${to}`} onClick={handle} {...rest} />;
}
