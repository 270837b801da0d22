import { createContext, useContext } from "react";
import type { Role } from "./roles.ts";

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Root of the user's scope; null = the whole country. */
  jurisdictionCode: string | null;
  mustChangePassword: boolean;
}

export interface Session {
  user: SessionUser;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user; only used below SessionGate, which renders the login page otherwise. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionGate");
  return s;
}
