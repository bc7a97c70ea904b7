import * as assert from 'node:assert/strict';
import { readDisplayDb, readEvents, readSecretServerName, readServiceState, SECRET_SERVER_LABEL } from '../../../src/verification/readers';
import {
  DISPLAYDB_ERROR, DISPLAYDB_GERMAN, displayDb, E10520, E10523, E10524, E10534, E10575, event, events, MSID_NEW, MSID_OLD,
  SC_ACCESS_DENIED, SC_NOT_INSTALLED, SC_RPC_UNAVAILABLE, SC_STATES, scQuery,
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
