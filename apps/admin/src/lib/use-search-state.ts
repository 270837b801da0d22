import { useLocation } from "../router/hooks.ts";
import { navigate } from "../router/navigation.ts";

/** Screen state kept in the address (?j=420200&year=2023) so it survives reloads and can be linked. */
export function useSearchState() {
  const { path, search } = useLocation();
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === "") next.delete(k);
      else next.set(k, v);
    }
    const qs = next.toString();
    void navigate(qs ? `${path}?${qs}` : path, { replace: true });
  };
  return { search, set };
}
