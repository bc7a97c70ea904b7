import * as assert from 'node:assert/strict';
import { readDisplayDb, readEvents, readRegistrySubkeys, readSecretServerName, readServiceAccount, readServiceState, SECRET_SERVER_LABEL, showServerNames, systemTime } from '../../../src/verification/readers';
import {
  DISPLAYDB_ERROR, DISPLAYDB_GERMAN, displayDb, E10520, E10523, E10524, E10534, E10575, event, events, MSID_NEW, MSID_OLD,
  SC_ACCESS_DENIED, SC_CHINESE_NOT_INSTALLED, SC_GERMAN_NOT_INSTALLED, SC_NOT_INSTALLED, SC_RPC_UNAVAILABLE, SC_RUSSIAN_NOT_INSTALLED, SC_SPANISH_NOT_INSTALLED, SC_STATES, scQuery, scQueryRussian,
} from './samples';

const BOM = '\uFEFF';

describe('verification/readers', () => {
  describe('readSecretServerName (ssomanage -displaydb)', () => {
    it('reads the value after the colon on the "Single Sign-On Secret Server name" line of a full listing, CRLF or LF', () => {
      assert.equal(SECRET_SERVER_LABEL, 'secret server name');
      assert.equal(readSecretServerName(displayDb('BTSMSS02')), 'BTSMSS02');
      assert.equal(readSecretServerName(displayDb('BTSMSS02', '\n')), 'BTSMSS02');
      assert.equal(readSecretServerName(displayDb('BTSMSS02', '\r')), 'BTSMSS02');
    });

    it('drops a UTF-8 BOM and keeps the name as printed (DNS suffix, case)', () => {
      assert.equal(readSecretServerName(BOM + displayDb('BTSMSS02.contoso.com')), 'BTSMSS02.contoso.com');
      assert.equal(readSecretServerName(displayDb('btsmss02')), 'btsmss02');
    });

    it('reads the line when it is the first one, with a BOM in front of the label', () => {
      assert.equal(readSecretServerName(`${BOM}Single Sign-On Secret Server name : BTSMSS02\r\n`), 'BTSMSS02');
    });

    it('takes any spacing around the label and the colon, tabs, and the label in any case', () => {
      for (const line of [
        'Single Sign-On Secret Server name: BTSMSS02',
        'Single Sign-On Secret Server name :BTSMSS02',
        '   Single Sign-On Secret Server name      :      BTSMSS02   ',
        'Single  Sign-On   Secret\tServer name\t:\tBTSMSS02',
        'SINGLE SIGN-ON SECRET SERVER NAME : BTSMSS02',
        'single sign-on secret server name : BTSMSS02',
      ]) {
        assert.equal(readSecretServerName(`SQL Server : BTSSQL01\r\n${line}\r\nSingle Sign-On Status : Enabled\r\n`), 'BTSMSS02', line);
      }
    });

    it('finds the line when the other lines change, are missing or come in another order', () => {
      const reordered = displayDb('BTSMSS02').split('\r\n').reverse().join('\r\n');
      assert.equal(readSecretServerName(reordered), 'BTSMSS02');
      const his = displayDb('BTSMSS02').replace('Single Sign-On database ', 'SQL Server database     ').replace('Tickets allowed', 'Tickets are allowed');
      assert.equal(readSecretServerName(his), 'BTSMSS02');
      assert.equal(readSecretServerName('Single Sign-On Secret Server name : BTSMSS02'), 'BTSMSS02');
    });

    it('does not read a line whose label only contains the label, nor a value on the next line', () => {
      assert.equal(readSecretServerName('Single Sign-On Secret Server name (old) : BTSMSS01\r\n'), undefined);
      assert.equal(readSecretServerName('Single Sign-On Secret Server names known : BTSMSS01\r\n'), undefined);
      assert.equal(readSecretServerName('Single Sign-On Secret Server name\r\nBTSMSS02\r\n'), undefined);
      // Two rows that name different servers: nothing is read (ambiguous), never the first.
      const two = 'Previous Single Sign-On Secret Server name : BTSMSS01\r\nSingle Sign-On Secret Server name : BTSMSS02\r\n';
      assert.equal(readSecretServerName(two), undefined);
      assert.equal(readDisplayDb(two).ambiguous?.length, 2);
      // The same server twice is no ambiguity.
      assert.equal(readSecretServerName('SSO secret server name : BTSMSS02\r\nSingle Sign-On Secret Server name : btsmss02\r\n'), 'BTSMSS02');
    });

    it('says nothing (undefined) when the line is missing, its value is empty, or the listing is localized', () => {
      const without = displayDb('BTSMSS02').split('\r\n').filter((l) => !l.startsWith('Single Sign-On Secret Server name')).join('\r\n');
      assert.equal(readSecretServerName(without), undefined);
      assert.equal(readSecretServerName(displayDb('')), undefined);
      assert.equal(readSecretServerName(displayDb('   ')), undefined);
      assert.equal(readSecretServerName(DISPLAYDB_GERMAN), undefined);
    });

    it('says nothing for empty output, garbage, or an ERROR line', () => {
      for (const text of ['', '\r\n', BOM, ':', ': BTSMSS02', '\u0000\u0001\uFFFD', 'garbage without a colon', DISPLAYDB_ERROR, '<html><body>Single Sign-On</body></html>']) {
        assert.equal(readSecretServerName(text), undefined, JSON.stringify(text));
      }
    });
  });

  describe('readServiceState (sc query ENTSSO)', () => {
    it('reads the code and the name of the STATE line of the real layout', () => {
      for (const state of Object.values(SC_STATES)) {
        for (const eol of ['\r\n', '\n']) {
          assert.deepEqual(readServiceState(scQuery(state, eol)), { kind: 'state', code: state[0], name: state[1] }, state[1]);
        }
      }
    });

    it('drops a BOM and ignores the flags line and the exit codes', () => {
      assert.deepEqual(readServiceState(BOM + scQuery(SC_STATES.RUNNING)), { kind: 'state', code: 4, name: 'RUNNING' });
      assert.deepEqual(readServiceState(scQuery(SC_STATES.STOPPED)), { kind: 'state', code: 1, name: 'STOPPED' });
    });

    it('reads FAILED 1060 as not installed', () => {
      assert.deepEqual(readServiceState(SC_NOT_INSTALLED), { kind: 'notInstalled' });
      assert.deepEqual(readServiceState(SC_NOT_INSTALLED.replace(/\r\n/g, '\n')), { kind: 'notInstalled' });
      assert.deepEqual(readServiceState('[SC] OpenService FAILED 1060:\n\nThe specified service does not exist as an installed service.\n'), { kind: 'notInstalled' });
    });

    it('reads another FAILED n with the message of the next non-empty line', () => {
      assert.deepEqual(readServiceState(SC_ACCESS_DENIED), { kind: 'failed', code: 5, message: 'Access is denied.' });
      assert.deepEqual(readServiceState(SC_RPC_UNAVAILABLE), { kind: 'failed', code: 1722, message: 'The RPC server is unavailable.' });
      assert.deepEqual(readServiceState('[SC] OpenSCManager FAILED 1722:'), { kind: 'failed', code: 1722, message: '' });
    });

    it('says unreadable for empty output, garbage, or a localized sc', () => {
      for (const text of ['', BOM, '\r\n\r\n', 'garbage', 'STATE : RUNNING', 'STATE : x  RUNNING', 'DESCRIPTION: ENTSSO']) {
        assert.deepEqual(readServiceState(text), { kind: 'unreadable' }, JSON.stringify(text));
      }
    });
  });

  describe('readEvents (wevtutil qe ... /f:xml)', () => {
    const t1 = '2026-11-30T10:15:02.1234567Z';
    const t0 = '2026-11-30T10:09:41.5550000Z';

    it('reads provider, id, time, computer and the insertion strings in order', () => {
      const read = readEvents(event(E10523(t1)));
      assert.deepEqual(read, [
        { provider: 'ENTSSO', id: 10523, time: t1, computer: 'BTSMSS02.contoso.com', data: ['D:\\Backups\\SSO.bak', MSID_NEW, MSID_OLD, 'CONTOSO\\btsadmin', 'BTSMSS02'], ms: Date.parse('2026-11-30T10:15:02.123Z') },
      ]);
    });

    it('reads several events back to back without newlines, in the order printed (newest first)', () => {
      const read = readEvents(events([E10523(t1), E10520(t0), E10534('2026-11-30T10:09:40.0000000Z'), E10575('2026-11-30T09:58:00.0000000Z')]));
      assert.deepEqual(read?.map((e) => [e.id, e.time]), [[10523, t1], [10520, t0], [10534, '2026-11-30T10:09:40.0000000Z'], [10575, '2026-11-30T09:58:00.0000000Z']]);
      assert.deepEqual(read?.[1].data, []);
      assert.deepEqual(read?.[3].data, ['BTSMSS02', 'BTSMSS01', '{11111111-2222-3333-4444-555555555555}', 'BTSMSS01', 'CONTOSO\\btsadmin']);
      assert.equal(read?.[3].computer, 'BTSMSS01.contoso.com');
    });

    it('reads events separated by CRLF or LF, with a BOM and a trailing newline', () => {
      const specs = [E10524(t1), E10523(t0)];
      for (const text of [events(specs, '\r\n') + '\r\n', BOM + events(specs, '\n') + '\n', `\r\n${events(specs, '\r\n\r\n')}\r\n\r\n`]) {
        assert.deepEqual(readEvents(text)?.map((e) => e.id), [10524, 10523], JSON.stringify(text.slice(0, 20)));
      }
    });

    it('reads one Data element as a list of one, an empty Data as an empty string, and keeps the 10524 error code last', () => {
      assert.deepEqual(readEvents(event({ id: 10523, time: t1, data: ['only'] }))?.[0].data, ['only']);
      assert.deepEqual(readEvents(event({ id: 10523, time: t1, data: ['', 'x'] }))?.[0].data, ['', 'x']);
      assert.equal(readEvents(event(E10524(t1, '0xC0002A1F')))?.[0].data.at(-1), '0xC0002A1F');
    });

    it('decodes the five XML entities in the data (&amp; &lt; &gt; &apos; &quot;)', () => {
      const read = readEvents(event({ id: 10523, time: t1, data: ['D:\\R&amp;D\\SSO &lt;old&gt;.bak', 'O&apos;Brien &quot;x&quot;'] }));
      assert.deepEqual(read?.[0].data, ['D:\\R&D\\SSO <old>.bak', 'O\'Brien "x"']);
    });

    it('keeps character references in the data as printed (fast-xml-parser decodes them only with its HTML entities), and reads the event', () => {
      const read = readEvents(event({ id: 10523, time: t1, data: ['a&#38;b&#x26;c'] }));
      assert.deepEqual(read?.map((e) => [e.id, e.data]), [[10523, ['a&#38;b&#x26;c']]]);
    });

    it('ignores a RenderingInfo element, a Binary element and the Security user id', () => {
      const rendering = "<RenderingInfo Culture='en-US'><Message>The master secrets were successfully restored.&#13;&#10;File Name: D:\\Backups\\SSO.bak</Message><Level>Information</Level><Task></Task><Opcode></Opcode><Channel></Channel><Provider></Provider><Keywords><Keyword>Classic</Keyword></Keywords></RenderingInfo>";
      const withRendering = event({ ...E10523(t1), after: rendering });
      assert.deepEqual(readEvents(withRendering)?.[0], readEvents(event(E10523(t1)))?.[0]);
      const binary = event(E10523(t1)).replace('</EventData>', '<Binary>0A0B0C</Binary></EventData>').replace('<Security/>', "<Security UserID='S-1-5-21-1004336348-1177238915-682003330-1104'/>");
      assert.deepEqual(readEvents(binary)?.[0], readEvents(event(E10523(t1)))?.[0]);
    });

    it('reads events of other providers too (the check filters them), with a Guid on the provider', () => {
      const other = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-SPP' Guid='{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}' EventSourceName='Software Protection Platform Service'/><EventID Qualifiers='16384'>10523</EventID><Level>4</Level><TimeCreated SystemTime='2026-11-30T10:16:00.0000000Z'/><Computer>BTSMSS02.contoso.com</Computer></System><EventData/></Event>";
      const read = readEvents(other + event(E10520(t0)));
      assert.deepEqual(read?.map((e) => [e.provider, e.id]), [['Microsoft-Windows-Security-SPP', 10523], ['ENTSSO', 10520]]);
      assert.deepEqual(read?.[0].data, []);
    });

    it('gives an empty list for empty output (no events)', () => {
      for (const text of ['', '   ', '\r\n', BOM, `${BOM}\r\n`]) assert.deepEqual(readEvents(text), [], JSON.stringify(text));
    });

    it('gives undefined (unreadable, not "no events") for garbage, a localized message, truncated XML, a DOCTYPE or an XML declaration', () => {
      const full = events([E10523(t1), E10520(t0)]);
      const cases = [
        'garbage',
        'Zugriff verweigert.',
        'No events were found.',
        'Failed to read events. Access is denied.',
        '<html><body>Error</body></html>',
        '<Event>',
        full.slice(0, full.length - 10),
        full.slice(0, Math.floor(full.length / 2)),
        event(E10523(t1)).replace('</EventID>', ''),
        `<!DOCTYPE Event [<!ENTITY x "10523">]>${event(E10520(t0))}`,
        `<?xml version="1.0" encoding="utf-8"?>${event(E10523(t1))}`,
        `${event(E10523(t1))} trailing words`,
        `leading words ${event(E10523(t1))}`,
        `${event(E10523(t1))}<Other/>`,
        '<Event/>',
        '<Event>text</Event>',
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><EventData><Data>x</Data></EventData></Event>",
      ];
      for (const text of cases) assert.equal(readEvents(text), undefined, text.slice(0, 120));
    });

    it('gives undefined when an EventID is missing, empty, or not a plain decimal number', () => {
      const base = event(E10523(t1));
      for (const id of ['', 'abc', '0x291B', '10523.', '1.0523e4', '+10523', '-10523', '105 23']) {
        const text = base.replace('>10523</EventID>', `>${id}</EventID>`);
        assert.equal(readEvents(text), undefined, id);
      }
      assert.equal(readEvents(base.replace(/<EventID[^>]*>10523<\/EventID>/, '')), undefined);
    });

    it('keeps an event with no TimeCreated or no Computer, with empty strings', () => {
      const bare = "<Event><System><Provider Name='ENTSSO'/><EventID>10534</EventID></System></Event>";
      assert.deepEqual(readEvents(bare), [{ provider: 'ENTSSO', id: 10534, time: '', ms: NaN, computer: '', data: [] }]);
    });
  });
});

/** The one published console capture of -displaydb: short labels, long ones cut to a fixed width ending in "...". */
function displayDbCapture(secretServer: string, banner = 'Using SSO server on this computer'): string {
  return [
    banner,
    '',
    'SQL Server                       : BTSSQL01',
    'SSO database                     : SSODB',
    `SSO secret server name           : ${secretServer}`,
    'SSO Admin account                : CONTOSO\\SSO Administrators',
    'SSO Affiliate Admin account      : CONTOSO\\SSO Affiliate Administrators',
    'Size of audit table for deleted ...: 1000',
    'Size of audit table for deleted ...: 1000',
    'Ticket timeout (in minutes)      : 2',
    'Credential cache timeout (in min...: 60',
    '',
    'Global flags -',
    '    SSO status                   : Enabled',
    '    Tickets allowed              : No',
    'Password Sync -',
    '    Enabled                      : No',
    '',
  ].join('\r\n');
}

describe('verification/readers: real layouts and display languages', () => {
  describe('readDisplayDb', () => {
    it('reads the property-table layout, with the banner', () => {
      const d = readDisplayDb(displayDb('BTSMSS02'));
      assert.equal(d.secretServer, 'BTSMSS02');
      assert.equal(d.row, 'Single Sign-On Secret Server name: BTSMSS02');
      assert.equal(d.banner, 'Using SSO server on this computer');
      assert.equal(d.ambiguous, undefined);
    });

    it('reads the published console capture: "SSO secret server name", cut labels with "...", flag groups', () => {
      const d = readDisplayDb(displayDbCapture('BTSMSS02.contoso.com'));
      assert.equal(d.secretServer, 'BTSMSS02.contoso.com');
      assert.equal(d.row, 'SSO secret server name: BTSMSS02.contoso.com');
      assert.equal(d.banner, 'Using SSO server on this computer');
    });

    it('keeps the "Using SSO server : NAME" banner as printed (it names which server answered, not the master secret server)', () => {
      const d = readDisplayDb(displayDbCapture('BTSMSS02', 'Using SSO server : BTS01'));
      assert.equal(d.banner, 'Using SSO server : BTS01');
      assert.equal(d.secretServer, 'BTSMSS02');
    });

    it('reads a label with dot padding or a cut ending in "..." or "…" before the colon', () => {
      for (const line of ['SSO secret server name.............: BTSMSS02', 'Single Sign-On Secret Server name...: BTSMSS02', 'SSO secret server name\u2026 : BTSMSS02', '  sso SECRET   server NAME :BTSMSS02  ']) {
        assert.equal(readDisplayDb(`Using SSO server on this computer\r\n${line}\r\n`).secretServer, 'BTSMSS02', line);
      }
    });

    it('does not read a label cut inside "secret server name"', () => {
      assert.equal(readDisplayDb('Single Sign-On Secret Server na...: BTSMSS02').secretServer, undefined);
    });

    it('two rows naming different servers: ambiguous, nothing read; the same server twice (any case) is not', () => {
      const two = readDisplayDb(`${displayDb('BTSMSS02')}SSO secret server name : BTSMSS01\r\n`);
      assert.equal(two.secretServer, undefined);
      assert.deepEqual(two.ambiguous, ['Single Sign-On Secret Server name                    : BTSMSS02', 'SSO secret server name : BTSMSS01']);
      assert.equal(two.banner, 'Using SSO server on this computer');
      assert.equal(readSecretServerName(`${displayDb('BTSMSS02')}SSO secret server name : btsmss02\r\n`), 'BTSMSS02');
    });

    it('reads nothing from a German listing, an error, or an empty value', () => {
      assert.equal(readDisplayDb(DISPLAYDB_GERMAN).secretServer, undefined);
      const e = readDisplayDb(DISPLAYDB_ERROR);
      assert.equal(e.secretServer, undefined);
      assert.equal(e.banner, 'Using SSO server on this computer');
      assert.equal(readDisplayDb('SSO secret server name :   ').secretServer, undefined);
    });
  });

  describe('readServiceState in any display language', () => {
    it('reads a Russian sc by its numbers: "Состояние : 4  RUNNING"', () => {
      assert.deepEqual(readServiceState(scQueryRussian(4, 'RUNNING')), { kind: 'state', code: 4, name: 'RUNNING' });
      assert.deepEqual(readServiceState(scQueryRussian(1, 'STOPPED')), { kind: 'state', code: 1, name: 'STOPPED' });
      assert.deepEqual(readServiceState(scQueryRussian(3, 'STOP_PENDING').replace(/\r\n/g, '\n')), { kind: 'state', code: 3, name: 'STOP_PENDING' });
    });

    it('reads 1060 after [SC] in Spanish, Chinese, Russian and German, and exit code 1060 alone', () => {
      for (const out of [SC_SPANISH_NOT_INSTALLED, SC_CHINESE_NOT_INSTALLED, SC_RUSSIAN_NOT_INSTALLED, SC_GERMAN_NOT_INSTALLED, SC_NOT_INSTALLED]) {
        assert.deepEqual(readServiceState(out), { kind: 'notInstalled' }, out);
      }
      assert.deepEqual(readServiceState('Указанная служба не установлена.', 1060), { kind: 'notInstalled' });
      assert.deepEqual(readServiceState('', 1060), { kind: 'notInstalled' });
    });

    it('reads another Win32 error after [SC] in any language, with its message', () => {
      assert.deepEqual(readServiceState(SC_ACCESS_DENIED), { kind: 'failed', code: 5, message: 'Access is denied.' });
      assert.deepEqual(readServiceState(SC_RPC_UNAVAILABLE), { kind: 'failed', code: 1722, message: 'The RPC server is unavailable.' });
      assert.deepEqual(readServiceState('[SC] OpenSCManager ошибка: 5:\r\n\r\nОтказано в доступе.\r\n'), { kind: 'failed', code: 5, message: 'Отказано в доступе.' });
    });

    it('is unreadable when a number disagrees with its name, or two states are printed', () => {
      const bad = readServiceState(scQuery([1, 'RUNNING', undefined, '0  (0x0)', '0x0']));
      assert.equal(bad.kind, 'unreadable');
      assert.ok(bad.kind === 'unreadable');
      assert.equal(bad.why, 'sc printed state 1 with the name RUNNING, which is the name of another state');
      const two = readServiceState(`${scQuery(SC_STATES.RUNNING)}${scQuery(SC_STATES.STOPPED)}`);
      assert.deepEqual(two, { kind: 'unreadable', why: 'sc printed 2 different states (RUNNING, STOPPED)' });
      assert.deepEqual(readServiceState(`${scQuery(SC_STATES.RUNNING)}${scQuery(SC_STATES.RUNNING)}`), { kind: 'state', code: 4, name: 'RUNNING' });
    });

    it('does not take the TYPE row, an unknown name, or a row longer than sc prints for a state', () => {
      assert.deepEqual(readServiceState('        TYPE               : 10  WIN32_OWN_PROCESS\r\n'), { kind: 'unreadable' });
      assert.deepEqual(readServiceState('        STATE : 4  LAUFEND\r\n'), { kind: 'unreadable' });
      assert.deepEqual(readServiceState(`${'x'.repeat(500)} : 4  RUNNING`), { kind: 'unreadable' });
    });
  });

  describe('readServiceAccount', () => {
    const qc = (account: string) => `[SC] QueryServiceConfig SUCCESS\r\n\r\nSERVICE_NAME: ENTSSO\r\n        TYPE               : 10  WIN32_OWN_PROCESS\r\n        SERVICE_START_NAME : ${account}\r\n`;
    it('reads the SERVICE_START_NAME row', () => {
      assert.deepEqual(readServiceAccount(qc('CONTOSO\\svc-sso')), { kind: 'account', account: 'CONTOSO\\svc-sso' });
      assert.deepEqual(readServiceAccount(qc('LocalSystem').replace('TYPE   ', 'Тип    ')), { kind: 'account', account: 'LocalSystem' });
    });
    it('says not installed, failed, or unreadable (no row, an empty row, two rows that disagree)', () => {
      assert.deepEqual(readServiceAccount(SC_RUSSIAN_NOT_INSTALLED), { kind: 'notInstalled' });
      assert.deepEqual(readServiceAccount('', 1060), { kind: 'notInstalled' });
      assert.equal(readServiceAccount(SC_RPC_UNAVAILABLE).kind, 'failed');
      assert.deepEqual(readServiceAccount('garbage'), { kind: 'unreadable' });
      assert.deepEqual(readServiceAccount(qc('')), { kind: 'unreadable' });
      assert.deepEqual(readServiceAccount(`${qc('A\\x')}${qc('B\\y')}`), { kind: 'unreadable', why: 'sc printed two SERVICE_START_NAME rows that disagree' });
      assert.deepEqual(readServiceAccount(`${qc('A\\x')}${qc('a\\X')}`), { kind: 'account', account: 'A\\x' });
    });
  });

  describe('systemTime', () => {
    it('reads Z times with 0, 3, 7 and 9 fraction digits, to the millisecond', () => {
      const ms = Date.parse('2026-11-23T10:00:05.123Z');
      assert.equal(systemTime('2026-11-23T10:00:05.123Z'), ms);
      assert.equal(systemTime('2026-11-23T10:00:05.1234567Z'), ms);
      assert.equal(systemTime('2026-11-23T10:00:05.123456789Z'), ms);
      assert.equal(systemTime('2026-11-23T10:00:05Z'), Date.parse('2026-11-23T10:00:05Z'));
      assert.equal(systemTime('2026-11-23T10:00:05.1Z'), Date.parse('2026-11-23T10:00:05.100Z'));
    });
    it('reads a time without Z as UTC, and offsets as given', () => {
      assert.equal(systemTime('2026-11-23T10:00:05.1234567'), Date.parse('2026-11-23T10:00:05.123Z'));
      assert.equal(systemTime('2026-11-23T12:00:05.000+02:00'), Date.parse('2026-11-23T10:00:05Z'));
      assert.equal(systemTime('2026-11-23T05:00:05-05:00'), Date.parse('2026-11-23T10:00:05Z'));
      assert.equal(systemTime(' 2026-11-23T10:00:05Z '), Date.parse('2026-11-23T10:00:05Z'));
    });
    it('gives NaN for anything else', () => {
      for (const t of ['', 'yesterday', '2026-11-23', '2026-11-23 10:00:05Z', '2026-11-23T10:00:05.1234567890Z', '2026-11-23T10:00:05+0200', '1764000000']) assert.ok(Number.isNaN(systemTime(t)), t);
    });
  });

  describe('showServerNames', () => {
    it('finds the line naming the server by its first DNS label, any case, with or without a suffix', () => {
      assert.equal(showServerNames('Using SSO server on this computer\r\nSSO Server: ssocluster.contoso.com\r\n', 'SSOCLUSTER.contoso.com'), 'SSO Server: ssocluster.contoso.com');
      assert.equal(showServerNames('The SSO server is SSOCLUSTER', 'ssocluster'), 'The SSO server is SSOCLUSTER');
    });
    it('does not take a name that only contains it, and nothing for an empty name', () => {
      assert.equal(showServerNames('SSO Server: SSOCLUSTER2\r\nSSO Server: MYSSOCLUSTER\r\nSSO-CLUSTER', 'SSOCLUSTER'), undefined);
      assert.equal(showServerNames('SSO Server: X', ''), undefined);
    });
    it('treats regex characters in the name literally', () => {
      assert.equal(showServerNames('SSO Server: AAAA', 'A+'), undefined);
      assert.equal(showServerNames('SSO Server: A+', 'A+'), 'SSO Server: A+');
    });
  });

  describe('readRegistrySubkeys', () => {
    const KEY = 'HKLM\\SOFTWARE\\Microsoft\\ENTSSO\\SSOSS';
    it('lists the subkeys of the key, not the key itself nor its values, local or remote', () => {
      const local = ['', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ENTSSO\\SSOSS', '    Value1    REG_SZ    x', '', `HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ENTSSO\\SSOSS\\${MSID_NEW}`, `HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ENTSSO\\SSOSS\\${MSID_OLD}`, ''].join('\r\n');
      assert.deepEqual(readRegistrySubkeys(local, KEY), [MSID_NEW, MSID_OLD]);
      const remote = local.replace(/HKEY_LOCAL_MACHINE/g, '\\\\BTSMSS02\\HKEY_LOCAL_MACHINE');
      assert.deepEqual(readRegistrySubkeys(remote, `\\\\BTSMSS02\\${KEY}`), [MSID_NEW, MSID_OLD]);
    });
    it('gives an empty list for the key with no subkeys, undefined for output with no key at all', () => {
      assert.deepEqual(readRegistrySubkeys('\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ENTSSO\\SSOSS\r\n', KEY), []);
      assert.equal(readRegistrySubkeys('ERROR: The system was unable to find the specified registry key or value.', KEY), undefined);
      assert.equal(readRegistrySubkeys('', KEY), undefined);
    });
    it('does not take keys outside it (a sibling whose name starts the same)', () => {
      assert.deepEqual(readRegistrySubkeys('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ENTSSO\\SSOSS2\\X\r\nHKLM\\SOFTWARE\\Microsoft\\ENTSSO\\SSOSS\\Y', KEY), ['Y']);
    });
  });
});
