// Whole phone numbers, one at a time, from the core (which refuses a role that may not see them
// and records each reveal).
import { call } from '../../api';
import type { CaseId } from '../../bindings/CaseId';
import type { MemberNo } from '../../bindings/MemberNo';

/** A register person's first phone (as the lists show it), whole. */
export async function personPhone(no: MemberNo): Promise<string> {
  const p = await call('member_reveal', { no, field: 'phones' });
  return p.phones[0] ?? '';
}

/** The phone of one of a person's family contacts (named as the heirs list names them), whole. */
export async function familyPhone(no: MemberNo, name: string, relation: string, masked: string): Promise<string> {
  const p = await call('member_reveal', { no, field: 'phones' });
  return p.family.find((f) => f.name === name && f.relation === relation)?.phone ?? masked;
}

/** A care case's family to call, with its phone numbers whole. */
export function caseFamily(id: CaseId): Promise<string> {
  return call('care_reveal_family', { id });
}
