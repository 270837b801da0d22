/** Roles and grants are the domain's (`@ybplan/domain/access`): the admin app and the CLI check them too. */
export { type Permission, Role, roleAllows, roleLabels } from "@ybplan/domain/access";
