import * as assert from 'node:assert/strict';
import { allExplanations, explainError, knownCodes } from '../../../src/ssoTools/errors';

// Every id / HRESULT row of the event table in docs/events-and-errors.md, transcribed
// independently of the catalogue (src/ssoTools/data/events.ts).
const EVENT_TABLE: Array<[number, string | undefined]> = [
  [10501, undefined], [10611, undefined], [10520, undefined], [10521, undefined], [10523, undefined], [10524, undefined],
  [10529, undefined], [10533, undefined], [10532, undefined], [10534, undefined], [10550, undefined], [10559, undefined],
  [10560, undefined], [10561, undefined], [10564, undefined], [10565, undefined], [10570, undefined], [10572, undefined],
  [10575, undefined], [10589, undefined], [10598, undefined], [10614, undefined], [10728, undefined],
  [10759, '0xC0002A07'], [10766, '0xC0002A0E'], [10767, '0xC0002A0F'], [10768, '0xC0002A10'], [10771, '0xC0002A13'],
  [10772, '0xC0002A14'], [10773, '0xC0002A15'], [10774, '0xC0002A16'], [10776, '0xC0002A18'], [10777, '0xC0002A19'],
  [10779, '0xC0002A1B'], [10783, '0xC0002A1F'], [10784, '0xC0002A20'], [10788, '0xC0002A24'], [10815, '0xC0002A3F'],
  [10834, '0xC0002A52'], [10836, '0xC0002A54'], [10839, '0xC0002A57'], [10840, '0xC0002A58'], [10843, '0xC0002A5B'],
];

describe('ssoTools/errors explainError', () => {
  it('explains an HRESULT with the verbatim message, the move-specific cause and fix, and its sources', () => {
    const e = explainError('0xC0002A0E');
    assert.ok(e);
    assert.equal(e.title, '10766 ENTSSO_E_NOT_SECRET_SERVER (0xC0002A0E)');
    assert.equal(e.meaning, 'This function can only be performed on the master secret server.');
    assert.match(e.cause, /restore/i);
    assert.match(e.fix, /restart ENTSSO on the new server/);
    assert.match(e.source, /\[Single Sign-On: Event 10766\]\(https:\/\/learn\.microsoft\.com\/en-us\/biztalk\/core\/single-sign-on-event-10766\)/);
    assert.match(e.source, /inferred/);
  });

  it('accepts the HRESULT in any case, with or without 0x', () => {
    for (const input of ['0xc0002a0f', 'C0002A0F', '  0XC0002A0F  ', 'c0002a0f']) {
      assert.equal(explainError(input)?.title, '10767 ENTSSO_E_NO_SSO_SERVER (0xC0002A0F)', input);
    }
  });

  it('explains an event number, bare or labelled', () => {
    assert.equal(explainError('10766')?.title, '10766 ENTSSO_E_NOT_SECRET_SERVER (0xC0002A0E)');
    assert.equal(explainError('Event ID: 10520')?.title, '10520 SSO_WARN_NO_SECRETS');
    assert.equal(explainError('event 10575')?.meaning, 'Updated secret server name.');
  });

  it('covers every id / HRESULT row of the event table in docs/events-and-errors.md, with the same HRESULT', () => {
    for (const [id, hresult] of EVENT_TABLE) {
      const byId = explainError(String(id));
      assert.ok(byId, `event ${id}`);
      assert.ok(byId.title.startsWith(`${id} `), byId.title);
      if (hresult) {
        assert.ok(byId.title.endsWith(`(${hresult})`), byId.title);
        assert.equal(explainError(hresult)?.title, byId.title);
        assert.match(byId.source, /0xC0000000 \+ event id/);
      } else {
        assert.doesNotMatch(byId.title, /0x/);
      }
    }
  });

  it('keeps every ENTSSO HRESULT equal to 0xC0000000 + event id (the rule in docs/events-and-errors.md)', () => {
    for (const e of allExplanations()) {
      const m = /^(\d+) \S+ \((0x[0-9A-F]{8})\)$/.exec(e.title);
      if (m) {
        assert.equal(Number.parseInt(m[2], 16), 0xc0000000 + Number(m[1]), e.title);
      }
    }
  });

  it('includes the codes carried by the pitfalls in docs/pitfalls.md and the RPC codes', () => {
    const { ids, hresults } = knownCodes();
    for (const id of [10561, 10564, 10779, 10815, 10836, 10839, 10840, 10550, 10565, 10521, 10589, 10771, 10772, 10834, 10783, 10728, 10536, 10571, 10573, 10574, 10597]) {
      assert.ok(ids.includes(id), String(id));
    }
    for (const h of ['0x800706BA', '0x800706D9', '0xC0002A24', '0x8004D025', '0x8004D00A']) {
      assert.ok(hresults.includes(h), h);
    }
  });

  it('says when the message text is not quoted in the sources', () => {
    const e = explainError('10571');
    assert.ok(e);
    assert.equal(e.title, '10571');
    assert.match(e.meaning, /message text not quoted in the documentation/);
  });

  it('separates seen from inferred HRESULT pairings', () => {
    assert.match(explainError('0xC0002A0F')?.source ?? '', /is event 10767: seen together in ssoconfig output reported by users .*our inference/);
    assert.match(explainError('0xC0002A24')?.source ?? '', /seen together in the event text quoted by Microsoft/);
    assert.match(explainError('0xC0002A1B')?.source ?? '', /inferred/);
  });

  it('explains the RPC codes', () => {
    const ba = explainError('0x800706BA');
    assert.equal(ba?.title, '0x800706BA RPC_S_SERVER_UNAVAILABLE');
    assert.equal(ba?.meaning, 'The RPC server is unavailable.');
    assert.match(ba?.fix ?? '', /ssomanage -showserver/);
    const d9 = explainError('800706d9');
    assert.equal(d9?.title, '0x800706D9 EPT_S_NOT_REGISTERED');
    assert.match(d9?.fix ?? '', /Use Network Name for computer name/);
    assert.match(d9?.source ?? '', /\(https:\/\/learn\.microsoft\.com\/en-us\/biztalk\/core\/how-to-cluster-the-master-secret-server1\)/);
  });

  it('prefers the ENTSSO code of an ERROR line and mentions the RPC code found with it', () => {
    const e = explainError("ERROR: 0xC0002A0F : Could not contact the SSO server 'sso-cluster'. Check that SSO is configured and that the SSO service is running on that server.\n(RPC: 0x800706D9: There are no more endpoints available from the endpoint mapper.)");
    assert.equal(e?.title, '10767 ENTSSO_E_NO_SSO_SERVER (0xC0002A0F)');
    assert.match(e?.cause ?? '', /Also in the text: 0x800706D9 EPT_S_NOT_REGISTERED/);
    assert.match(e?.source ?? '', /\[0x800706D9 when contact a SSO master secret cluster\]\(https:\/\/blogs\.msdn\.microsoft\.com\/apacbiztalk\/2013\/01\/23\/0x800706d9-when-contact-a-sso-master-secret-cluster\/\)/);
  });

  it('uses the event id of a pasted event-log entry before a Win32 code inside it', () => {
    const pasted = 'Log Name: Application\nSource: ENTSSO\nEvent ID: 10532\nLevel: Warning\nFailed to retrieve master secrets. Verify that the master secret server name is correct and that it is available.\nSecret Server Name: ENTSSO\nError Code: 0x800706D9, There are no more endpoints available from the endpoint mapper.';
    const e = explainError(pasted);
    assert.equal(e?.title, '10532 SSO_WARN_LOST_SECRET_SERVER');
    assert.match(e?.cause ?? '', /0x800706D9/);
  });

  it('matches by distinctive message text when there is no code', () => {
    assert.equal(explainError('An incorrect password was specified for the backup file.')?.title, '10779 ENTSSO_E_BACKUP_FILE_WRONG_PASSWORD (0xC0002A1B)');
    assert.equal(explainError("could not contact the sso server 'BTS-MSS02'")?.title, '10767 ENTSSO_E_NO_SSO_SERVER (0xC0002A0F)');
    assert.equal(explainError('  The   backup file does not have the correct format  ')?.title, '10564 SSO_ERROR_BACKUP_FILE_INCORRECT_FORMAT');
    assert.equal(explainError('The RPC server is unavailable')?.title, '0x800706BA RPC_S_SERVER_UNAVAILABLE');
    assert.equal(explainError('The master secret has not been backed up. Back it up now.')?.title, '10589 SSO_ERROR_BACKUP_SECRET_REQUIRED');
  });

  it('tells the two "secret is not available" messages apart', () => {
    assert.equal(explainError('Cannot perform encryption or decryption because the secret is not available from the master secret server. See the event log for related errors.')?.title, '10783 ENTSSO_E_NO_SECRET (0xC0002A1F)');
    assert.equal(explainError("Cannot perform encryption or decryption because the secret is not available from the master secret server. See the event log (on computer 'MSS01') for related errors.")?.title, '10843 ENTSSO_E_NO_SECRET2 (0xC0002A5B)');
  });

  it('tells the two NTFS messages apart', () => {
    assert.equal(explainError('The file specified for backup of the master secrets must be on an NTFS file system or removable media.')?.title, '10561 SSO_ERROR_BACKUP_FAILED_MEDIA');
    assert.equal(explainError('The file specified for backup or restore of the master secrets must be on an NTFS file system or removable media.')?.title, '10759 ENTSSO_E_BACKUP_RESTORE_FAILED_MEDIA (0xC0002A07)');
  });

  it('falls back to the message text when the code in the line is unknown', () => {
    assert.equal(explainError('ERROR: 0xC0002AFF : Incorrect master secret. The secret in the file does not match.')?.title, '10815 ENTSSO_E_WRONG_SECRET (0xC0002A3F)');
  });

  it('returns undefined for unknown input', () => {
    for (const input of ['', '   ', '0xC0002AFF', '12345', '10999', 'hello', 'The printer is out of paper and needs attention.', '0x1234']) {
      assert.equal(explainError(input), undefined, input);
    }
    assert.equal(explainError(undefined as unknown as string), undefined);
  });

  it('gives every entry a title, meaning, cause, fix and source', () => {
    const all = allExplanations();
    assert.ok(all.length >= 50, String(all.length));
    for (const e of all) {
      for (const key of ['title', 'meaning', 'cause', 'fix', 'source'] as const) {
        assert.ok(e[key].trim().length > 0, `${e.title} ${key}`);
      }
      assert.match(e.source, /biztalk|community report|Win32/);
    }
    assert.equal(new Set(all.map((e) => e.title)).size, all.length);
  });

  it('reads ENTSSO events printed as codes: 0x80000000 + id for a warning (a real 10532 carries 10520 as 0x80002918), 0x40000000 + id for an informational event', () => {
    const warning = explainError('0x80002918')!;
    assert.match(warning.title, /^10520 SSO_WARN_NO_SECRETS .*\(as 0x80002918\)$/);
    assert.match(warning.meaning, /No secrets were found in the registry/);
    assert.match(warning.source, /0x80002918 is event 10520 printed as a warning: 0x80000000 \+ 10520 .*our reading, not stated by Microsoft/);
    assert.equal(explainError('0x4000291B')!.title.startsWith('10523 '), true, 'informational 10523');
    // In an event's text too: the code is explained, and the event named beside it.
    const text = explainError('Event 10532: Failed to retrieve master secrets. Error Code: 0x80002918')!;
    assert.match(text.title, /^10520 /);
    assert.match(text.cause, /Also in the text: 10532 /);
    // A code whose low bits are no catalogued event is not guessed.
    assert.equal(explainError('0x80001234'), undefined);
  });

  it('knows the start, stop and failed start of the service, a new secret, the previous secret and access denied (10502-10505, 10525, 10530, 10555, 10785)', () => {
    for (const [code, words] of [['10503', /failed to start/], ['10504', /stopping/], ['10505', /stopped/], ['10502', /started/], ['10525', /new master secret was generated/], ['10530', /previous secret/], ['10555', /access denied/i], ['0xC0002A21', /SSO database could not be accessed/]] as const) {
      const e = explainError(code);
      assert.ok(e, code);
      assert.match(e.meaning, words, code);
    }
    assert.match(explainError('10533')!.meaning, /current secret/);
  });
});
