/**
 * Who a capability link makes you on a board, and what each role may do.
 * The one table every entry point (websocket, HTTP routes, UI) consults.
 */
export const roles = ['facilitator', 'participant', 'viewer'] as const
export type Role = (typeof roles)[number]

/** read: see the board and its model; edit: change the board; export: take its contracts home; facilitate: links, versions, audit, publishing. */
export type Permission = 'read' | 'edit' | 'export' | 'facilitate'

const grants: Record<Role, readonly Permission[]> = {
  facilitator: ['read', 'edit', 'export', 'facilitate'],
  participant: ['read', 'edit', 'export'],
  viewer: ['read'],
}

export const can = (role: Role, permission: Permission): boolean => grants[role].includes(permission)

export const isRole = (value: unknown): value is Role => roles.includes(value as Role)

export const roleLabels: Record<Role, string> = { facilitator: 'Facilitator', participant: 'Participant', viewer: 'Viewer' }
