/**
 * What the server needs stored for accounts, sessions and the review workflow. Passwords arrive here
 * already hashed (scrypt in the server): the store never sees one in clear.
 */
import type { Role } from '../workflow/workflow.ts';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** 填报人 and 单位审核: their unit (they also see its sub-units) */
  departmentId: number | null;
  /** 财政审核: the departments assigned to them */
  assigned: number[];
  disabled: boolean;
  createdAt: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  departmentId?: number | null;
  assigned?: number[];
  passwordHash: string;
}

export interface Session {
  /** SHA-256 of the cookie's token: a stolen database holds no usable session */
  id: string;
  userId: number;
  csrf: string;
  createdAt: string;
  expiresAt: string;
}

export interface AccountStore {
  userCount(): Promise<number>;
  addUser(u: NewUser): Promise<User>;
  getUser(id: number): Promise<(User & { passwordHash: string }) | null>;
  findUser(username: string): Promise<(User & { passwordHash: string }) | null>;
  listUsers(): Promise<User[]>;
  updateUser(
    id: number,
    patch: Partial<Pick<User, 'displayName' | 'role' | 'departmentId' | 'assigned' | 'disabled'>> & { passwordHash?: string },
  ): Promise<User>;
  createSession(s: Session): Promise<void>;
  getSession(id: string): Promise<Session | null>;
  touchSession(id: string, expiresAt: string): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** every session of the user, but `exceptSessionId` (the one changing its own password keeps going) */
  deleteUserSessions(userId: number, exceptSessionId?: string): Promise<void>;
}
