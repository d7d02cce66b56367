// Who is signed in, for screens that hide what the core would refuse their role (the core
// still checks every write and sensitive read). Set by the Gate; 'chair' before any user exists,
// as the core acts then.
import type { Role } from '../../bindings/Role';

export const signedIn = $state<{ name: string | null; role: Role }>({ name: null, role: 'chair' });

/** Whether the signed-in role may see whole ID numbers, phones and health notes. */
export function maySeeSensitive(): boolean {
  return signedIn.role === 'chair' || signedIn.role === 'secretary';
}

/** Whether the signed-in role may change the register. */
export function mayEditRegister(): boolean {
  return signedIn.role === 'chair' || signedIn.role === 'secretary';
}
