/** Who runs a use case: their name for the history, their role, and which departments they see. */
import type { Role } from '@jixiao/core';

export interface Actor {
  /** the name written into the history (a login name) */
  username: string;
  displayName: string;
  role: Role;
  /** whether this person may see the department's forms at all */
  sees(departmentId: number): boolean;
}

/** The operator at the command line: an administrator of the database given. */
export function operator(username = 'cli'): Actor {
  return { username, displayName: '命令行', role: 'admin', sees: () => true };
}
