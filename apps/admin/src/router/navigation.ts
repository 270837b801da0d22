/**
 * Navigation for the hash router, with "unsaved changes" blocking. Screens with unsaved edits
 * register a blocker; in-app navigation then asks before leaving, the browser's back button is
 * reverted until the user confirms, and closing the tab triggers `beforeunload`.
 */

type Listener = () => void;
type Confirm = (message: string) => Promise<boolean>;

const listeners = new Set<Listener>();
const blockers = new Map<symbol, string>();
let confirmLeave: Confirm = (message) => Promise.resolve(window.confirm(message));
let currentHash = typeof window === "undefined" ? "" : window.location.hash;
let ignoreNextChange = false;

export function setConfirmHandler(fn: Confirm): void {
  confirmLeave = fn;
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getHash(): string {
  return currentHash;
}

function emit() {
  for (const l of listeners) l();
}

function activeBlockMessage(): string | null {
  for (const m of blockers.values()) return m;
  return null;
}

/** Registers a blocker; returns its release function. */
export function block(message: string): () => void {
  const key = Symbol("blocker");
  blockers.set(key, message);
  return () => blockers.delete(key);
}

/** Goes to `to` ("/plans/1"); asks first when a screen has unsaved changes. Resolves false if cancelled. */
export async function navigate(
  to: string,
  opts: { replace?: boolean; force?: boolean } = {},
): Promise<boolean> {
  const target = `#${to}`;
  if (target === currentHash) return true;
  const message = activeBlockMessage();
  if (message !== null && !opts.force) {
    const ok = await confirmLeave(message);
    if (!ok) return false;
    blockers.clear();
  }
  currentHash = target;
  if (opts.replace) window.location.replace(target);
  else window.location.hash = to;
  emit();
  return true;
}

function onHashChange() {
  const next = window.location.hash;
  if (ignoreNextChange) {
    ignoreNextChange = false;
    return;
  }
  if (next === currentHash) return;
  const message = activeBlockMessage();
  if (message === null) {
    currentHash = next;
    emit();
    return;
  }
  // Back button or a typed address while edits are unsaved: go back to where we were, then ask.
  const previous = currentHash;
  ignoreNextChange = true;
  window.location.replace(previous || "#/");
  void confirmLeave(message).then((ok) => {
    if (!ok) return;
    blockers.clear();
    currentHash = next;
    window.location.hash = next.slice(1);
    emit();
  });
}

function onBeforeUnload(event: BeforeUnloadEvent) {
  if (blockers.size === 0) return;
  event.preventDefault();
  // Older browsers need returnValue set to show the prompt.
  event.returnValue = "";
}

if (typeof window !== "undefined") {
  window.addEventListener("hashchange", onHashChange);
  window.addEventListener("beforeunload", onBeforeUnload);
}
