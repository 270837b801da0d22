import { z } from "zod";

/** Account names: 3–32 letters, digits or _ . - (the API, the admin app and the CLI agree). */
export const usernamePattern = /^[A-Za-z0-9_.-]{3,32}$/;
export const usernameMessage = "用户名为 3–32 位字母、数字或 _ . -";

export const Username = z.string().trim().regex(usernamePattern, usernameMessage);

export function usernameProblem(username: string): string | null {
  return usernamePattern.test(username.trim()) ? null : usernameMessage;
}

/** Minimum rules for a new password; null when acceptable, else a Chinese reason. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return "密码至少 8 位";
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return "密码须同时包含字母和数字";
  return null;
}
