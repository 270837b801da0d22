/** Roles, their Chinese titles and what the UI offers each: the domain's rules, as the server's. */
export { can, type Role, roleLabels } from "@ybplan/domain/access";
