// Every channel of the contract, walked as nobody, as a cashier and as a gerente, against the real register core and
// its real session: the answer must follow the access rule the contract declares (src/shared/ipc/access.ts). A channel
// without a rule cannot be declared (the contract's `satisfies` makes it a type error); this test also fails for one
// the dispatcher would serve without checking.
import { describe, expect, it } from 'vitest';
import { approvalActionOf, type AccessRule } from '../../shared/ipc/access';
import type { IpcResult } from '../../shared/ipc/api';
import { CHANNELS } from '../../shared/ipc/channels';
import { ipcContract } from '../../shared/ipc/contract';
import { coreIpcSuite } from '../../../tests/fixtures/core-ipc-suite';
import { MANAGER_SESSION_REQUIRED, SIGN_IN_REQUIRED } from './caller';

const suite = coreIpcSuite('access-walk');
/** Channels that end the session they are called in: called last, or the walk would go on signed out. */
const SESSION_ENDING = new Set(['auth:signOut']);

const ruleOf = (channel: (typeof CHANNELS)[number]): AccessRule => ipcContract[channel].access;

/** Refused for who is calling (not for what was asked). */
function accessRefusal(result: IpcResult<unknown>): string | null {
  if (result.ok) return null;
  const { code, message } = result.error;
  if (code === 'approval_required') return 'approval_required';
  if (code === 'not_allowed' && (message === SIGN_IN_REQUIRED || message === MANAGER_SESSION_REQUIRED)) return message;
  return null;
}

async function walk(): Promise<Map<string, IpcResult<unknown>>> {
  const answers = new Map<string, IpcResult<unknown>>();
  const ordered = [...CHANNELS].sort((a, b) => Number(SESSION_ENDING.has(a)) - Number(SESSION_ENDING.has(b)));
  // An empty request: enough for the access decision, which comes before the payload is read.
  for (const channel of ordered) answers.set(channel, await suite.call(channel, {}));
  return answers;
}

describe('access rules, channel by channel', () => {
  it('declares a rule for every channel', () => {
    for (const channel of CHANNELS)
      expect(
        ['open', 'signedIn', 'gerente'].includes(ruleOf(channel)) || approvalActionOf(ruleOf(channel)) !== undefined,
        channel,
      ).toBe(true);
  });

  it('answers only the open channels when nobody is signed in', async () => {
    await suite.signInAs(null);
    const answers = await walk();
    const answered = [...answers]
      .filter(([, r]) => accessRefusal(r) === null)
      .map(([c]) => c)
      .sort();
    const open = CHANNELS.filter((c) => ruleOf(c) === 'open').sort();
    expect(answered).toEqual(open);
    for (const [channel, result] of answers) {
      if (ruleOf(channel as (typeof CHANNELS)[number]) !== 'open')
        expect(accessRefusal(result), channel).toBe(SIGN_IN_REQUIRED);
    }
    // What a signed-out till may still do, it does: the sign-in screen's reads answer with data.
    for (const channel of ['app:status', 'auth:session', 'auth:users', 'preferences:get'] as const)
      expect(answers.get(channel)?.ok, channel).toBe(true);
  });

  it("refuses a cashier the gerente channels and asks a gerente's approval for the approval channels", async () => {
    await suite.signInAs('cajero');
    const answers = await walk();
    for (const channel of CHANNELS) {
      const rule = ruleOf(channel);
      const result = answers.get(channel);
      if (!result) throw new Error(`no answer for ${channel}`);
      const refusal = accessRefusal(result);
      if (rule === 'gerente') expect(refusal, channel).toBe(MANAGER_SESSION_REQUIRED);
      else if (approvalActionOf(rule) !== undefined) {
        expect(result, channel).toMatchObject({
          ok: false,
          error: { code: 'approval_required', approvalAction: approvalActionOf(rule) },
        });
      } else expect(refusal, channel).toBeNull();
    }
  });

  it('lets a gerente through every channel', async () => {
    await suite.signInAs('gerente');
    const answers = await walk();
    const refused = [...answers]
      .filter(([, r]) => accessRefusal(r) !== null)
      .map(([c, r]) => `${c}: ${JSON.stringify(r)}`);
    expect(refused).toEqual([]);
  });
});
