import * as assert from 'node:assert/strict';
import {
  contextKey,
  findStep,
  findSubStep,
  getProcedure,
  missingRequirements,
  procedureIds,
  procedures,
  type Procedure,
  type ProcedureId,
  type Step,
} from '../../../src/procedures';

const EN_DASH = '\u2013';
const EM_DASH = '\u2014';

// Public ids (package.json contributes; README.md, "Commands"): never renamed.
const contractStepIds: Record<ProcedureId, string[]> = {
  moveToServer: ['install', 'configure', 'backup', 'updateDb', 'restartService', 'restore'],
  moveToCluster: ['clusterSetup', 'copyBackup', 'serverAll', 'bringOnline', 'groupSsoServer', 'cycleResource', 'restoreEachNode'],
};

// One phrase from each numbered step of Microsoft's page How to Move the Master Secret Server.
const pageStepPhrases: Record<ProcedureId, string[]> = {
  moveToServer: [
    '\\Platform\\SSO\\setup.exe',
    'Configure Enterprise SSO on the new master secret server if it is not already configured',
    'How to Back Up the Master Secret',
    'Change the master secret server name in the SSO database to reference the new master secret server',
    'Restart the Enterprise Single Sign-On service on the new master secret server',
    'How to Restore the Master Secret',
  ],
  moveToCluster: [
    'How to Cluster the Master Secret Server',
    'Copy the existing master secret backup file to the `\\Enterprise Single Sign-On` folder on each cluster node',
    'set the SSO Server name for all users to the clustered master secret server',
    '**Bring Online** to start all of the resources in the cluster group',
    '**BizTalk Group Properties**',
    '**Take Offline**',
    'Restore the backed-up master secret on each node of the Windows cluster that houses the clustered master secret server',
  ],
};

// One phrase from each numbered sub-step of Microsoft's page, in order.
const pageSubStepPhrases: Record<string, string[]> = {
  'moveToServer/configure': [
    'Configuration.exe',
    '**Enterprise SSO** in the left pane',
    '**Enable Enterprise Single Sign-On on this computer**',
    '**Join an existing SSO System**',
    '**Server Name** and **Database Name**',
    '**Enterprise Single Sign-On Server for the Windows Service**',
    '**Apply Configuration** and click **Configure**',
    '**Finish** and close the Configuration tool',
  ],
  'moveToServer/updateDb': [
    '<secretServer>NewMSSServer</secretServer>',
    '**NewMSSServer.xml**',
    'change to the Enterprise SSO installation folder',
    '**ssomanage -updatedb** *XMLFile*',
  ],
  'moveToCluster/clusterSetup': [
    '**Enable Enterprise Single Sign-On on this computer**',
    '**Join an existing SSO system**',
    'existing SSO Database **Server Name** and **Database Name**',
    'existing SSO Service account',
  ],
};

const uac = 'On a system that supports User Account Control (UAC), you may need to run the tool with Administrative privileges.';
const unsupported =
  'Running a non-clustered BizTalk host instance on a Windows Server Cluster node where the Enterprise SSO service is clustered is not a supported configuration.';

// Every note of Microsoft's page: [procedure, step, sub-step number or 0 for the step, phrase].
const pageNotes: Array<[ProcedureId, string, number, string]> = [
  ['moveToServer', 'configure', 6, 'This must be a domain account.'],
  ['moveToServer', 'updateDb', 4, 'Replace *XMLFile* with the name of the .xml file that you saved.'],
  ['moveToServer', 'updateDb', 4, uac],
  ['moveToCluster', 'serverAll', 0, '*SSOCLUSTER* is a placeholder for the actual network name resource that is created in the cluster group that contains the clustered master secret server resource.'],
  ['moveToCluster', 'serverAll', 0, 'In this scenario, all BizTalk hosts must be created as cluster resources in the same cluster group as the clustered Enterprise SSO service resource.'],
  ['moveToCluster', 'serverAll', 0, unsupported],
  ['moveToCluster', 'serverAll', 0, 'due to the dependency of a BizTalk host instance on the SSO service.'],
  ['moveToCluster', 'serverAll', 0, uac],
  ['moveToCluster', 'groupSsoServer', 0, 'In this scenario, all BizTalk hosts must be created as cluster resources in the same cluster group as the clustered Enterprise SSO service resource.'],
  ['moveToCluster', 'groupSsoServer', 0, unsupported],
  ['moveToCluster', 'cycleResource', 0, 'If this step is not completed, attempts to restore the master secret may not succeed.'],
];

function step(procedure: ProcedureId, id: string): Step {
  const found = findStep(procedure, id);
  assert.ok(found, `${procedure}/${id} exists`);
  return found;
}

function all(procedure: Procedure): Step[] {
  return procedure.steps;
}

/** Every command line anywhere in the model, with where it is. */
function allCommandLines(): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const id of procedureIds) {
    for (const s of procedures[id].steps) {
      if (s.commandLine) found.push([`${id}/${s.id}`, s.commandLine]);
      for (const sub of s.subSteps) if (sub.commandLine) found.push([`${id}/${sub.id}`, sub.commandLine]);
      for (const route of s.folded?.routes ?? []) {
        if (route.commandLine) found.push([`${id}/${s.id}/${route.name}`, route.commandLine]);
      }
      for (const section of s.folded?.sections ?? []) {
        section.steps.forEach((fs, i) => {
          if (fs.commandLine) found.push([`${id}/${s.id}/${section.ref}.${i + 1}`, fs.commandLine]);
        });
      }
    }
  }
  return found;
}

/** Every string anywhere in the model. */
function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => allStrings(v, out));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => allStrings(v, out));
  return out;
}

/** Contents of code spans and fenced code blocks in a Markdown string. */
function codeIn(markdown: string): string[] {
  const fences = [...markdown.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]);
  const rest = markdown.replace(/```[a-z]*\n[\s\S]*?```/g, '');
  return [...fences, ...[...rest.matchAll(/`([^`]+)`/g)].map((m) => m[1])];
}

describe('procedure model', () => {
  it('has the two procedures of the contract, in order', () => {
    assert.deepEqual([...procedureIds], ['moveToServer', 'moveToCluster']);
    assert.deepEqual(Object.keys(procedures).sort(), ['moveToCluster', 'moveToServer']);
    for (const id of procedureIds) assert.equal(procedures[id].id, id);
    assert.equal(procedures.moveToServer.viewId, 'mss.moveToServer');
    assert.equal(procedures.moveToCluster.viewId, 'mss.moveToCluster');
  });

  for (const id of ['moveToServer', 'moveToCluster'] as const) {
    describe(id, () => {
      it('has the contract step ids in order, numbered 1..n', () => {
        assert.deepEqual(all(procedures[id]).map((s) => s.id), contractStepIds[id]);
        assert.deepEqual(all(procedures[id]).map((s) => s.number), contractStepIds[id].map((_, i) => i + 1));
      });

      it("restates every numbered step of the section of Microsoft's page", () => {
        const steps = all(procedures[id]);
        assert.equal(steps.length, pageStepPhrases[id].length);
        steps.forEach((s, i) => assert.ok(s.text.includes(pageStepPhrases[id][i]), `${s.id} text contains "${pageStepPhrases[id][i]}"`));
        assert.ok(procedures[id].pageHeading.startsWith('To move the master secret from one server to '));
      });

      it("has exactly the sub-steps of Microsoft's page, numbered <step>.<n>", () => {
        for (const s of all(procedures[id])) {
          const phrases = pageSubStepPhrases[`${id}/${s.id}`] ?? [];
          assert.equal(s.subSteps.length, phrases.length, `${s.id} sub-step count`);
          s.subSteps.forEach((sub, i) => {
            assert.equal(sub.id, `${s.id}.${i + 1}`);
            assert.equal(sub.number, i + 1);
            assert.ok(sub.text.includes(phrases[i]), `${sub.id} contains "${phrases[i]}"`);
          });
        }
      });

      it('requires only earlier steps of the same procedure, without repeats', () => {
        const seen = new Set<string>();
        for (const s of all(procedures[id])) {
          assert.equal(new Set(s.requires).size, s.requires.length, `${s.id} requires repeats`);
          for (const r of s.requires) assert.ok(seen.has(r), `${s.id} requires ${r}, which is not an earlier step`);
          seen.add(s.id);
        }
      });

      it("gives every step where it runs, a summary and sources starting with Microsoft's page", () => {
        for (const s of all(procedures[id])) {
          assert.ok(s.runsOn.length > 0 && s.summary.length > 0 && s.title.length > 0, s.id);
          assert.equal(s.sources[0], 'biztalk/core/how-to-move-the-master-secret-server', s.id);
          for (const text of allStrings(s)) assert.notEqual(text.trim(), '', `${s.id} has an empty string`);
        }
      });
    });
  }

  it("has sub-steps only where Microsoft's page numbers them (8 + 4, and 4)", () => {
    const counts = procedureIds.flatMap((id) => procedures[id].steps.map((s) => `${s.id}:${s.subSteps.length}`));
    assert.deepEqual(counts, [
      'install:0', 'configure:8', 'backup:0', 'updateDb:4', 'restartService:0', 'restore:0',
      'clusterSetup:4', 'copyBackup:0', 'serverAll:0', 'bringOnline:0', 'groupSsoServer:0', 'cycleResource:0', 'restoreEachNode:0',
    ]);
  });

  it("keeps every note of Microsoft's page word for word", () => {
    for (const [procedure, stepId, sub, phrase] of pageNotes) {
      const s = step(procedure, stepId);
      const notes = sub === 0 ? s.notes : s.subSteps[sub - 1].notes;
      assert.ok(notes.some((n) => n.includes(phrase)), `${procedure}/${stepId}${sub ? `.${sub}` : ''} has note "${phrase}"`);
    }
  });

  it("orders the steps as Microsoft's page needs (transitively)", () => {
    const before = (procedure: ProcedureId, first: string, later: string): boolean => {
      const todo = [...step(procedure, later).requires];
      const seen = new Set<string>();
      while (todo.length) {
        const next = todo.pop() as string;
        if (next === first) return true;
        if (!seen.has(next)) {
          seen.add(next);
          todo.push(...step(procedure, next).requires);
        }
      }
      return false;
    };
    assert.ok(before('moveToServer', 'install', 'configure'));
    assert.ok(before('moveToServer', 'backup', 'updateDb'));
    assert.ok(before('moveToServer', 'configure', 'updateDb'));
    assert.ok(before('moveToServer', 'updateDb', 'restartService'));
    assert.ok(before('moveToServer', 'updateDb', 'restore'));
    assert.ok(before('moveToServer', 'restartService', 'restore'));
    assert.ok(before('moveToServer', 'backup', 'restore'));
    for (const later of contractStepIds.moveToCluster.slice(1)) assert.ok(before('moveToCluster', 'clusterSetup', later), later);
    assert.ok(before('moveToCluster', 'copyBackup', 'restoreEachNode'));
    assert.ok(before('moveToCluster', 'cycleResource', 'restoreEachNode'));
    assert.ok(before('moveToCluster', 'bringOnline', 'cycleResource'));
    assert.ok(!before('moveToServer', 'install', 'backup'), 'the backup on the original server does not wait for the new one');
    assert.deepEqual(step('moveToServer', 'install').requires, []);
    assert.deepEqual(step('moveToCluster', 'clusterSetup').requires, []);
  });

  it('offers the contract commands as actions, and none on GUI steps', () => {
    const actions = procedureIds.flatMap((id) =>
      procedures[id].steps.map((s) => `${s.id}=${s.actions.map((a) => a.command).join(',')}`),
    );
    assert.deepEqual(actions, [
      'install=', 'configure=', 'backup=mss.backupSecret', 'updateDb=mss.generateUpdateXml,mss.runUpdateDb,mss.showSsoDatabase',
      'restartService=mss.restartService', 'restore=mss.restoreSecret',
      'clusterSetup=', 'copyBackup=', 'serverAll=mss.runServerAll,mss.showSsoServer', 'bringOnline=mss.runClusterStep', 'groupSsoServer=', 'cycleResource=mss.runClusterStep',
      'restoreEachNode=mss.runClusterStep,mss.restoreSecret',
    ]);
    // The cluster steps' buttons name their cluster command (the command asks for the names).
    assert.deepEqual(['bringOnline', 'cycleResource', 'restoreEachNode'].map((id) => step('moveToCluster', id).actions[0].args), [{ command: 'startRole' }, { command: 'cycleResource' }, { command: 'moveRole' }]);
    assert.equal(step('moveToServer', 'backup').actions[0].title, 'Back up the master secret');
    assert.deepEqual(step('moveToServer', 'updateDb').actions.map((a) => a.title), ['Create NewMSSServer.xml', 'Run ssomanage -updatedb', 'Check with ssomanage -displaydb']);
  });

  it('marks the per-machine steps and the clustered-hosts condition', () => {
    const perMachine = procedureIds.flatMap((id) => procedures[id].steps.filter((s) => s.perMachine).map((s) => `${s.id}:${s.perMachine?.noun}`));
    assert.deepEqual(perMachine, ['copyBackup:cluster node', 'serverAll:BizTalk Server', 'restoreEachNode:cluster node']);
    const conditional = procedureIds.flatMap((id) => procedures[id].steps.filter((s) => s.condition).map((s) => s.id));
    assert.deepEqual(conditional, ['serverAll', 'groupSsoServer']);
    assert.match(step('moveToCluster', 'serverAll').condition ?? '', /clustered BizTalk hosts/);
    assert.equal(step('moveToCluster', 'serverAll').runsOn, 'On each BizTalk Server in the group');
    assert.equal(step('moveToServer', 'updateDb').runsOn, 'On the original master secret server');
    assert.equal(step('moveToServer', 'restore').runsOn, 'On the new master secret server');
  });

  it("gives the exact command lines of Microsoft's page and the linked pages", () => {
    assert.equal(step('moveToServer', 'updateDb').commandLine, 'ssomanage -updatedb NewMSSServer.xml');
    assert.equal(step('moveToServer', 'updateDb').subSteps[3].commandLine, 'ssomanage -updatedb NewMSSServer.xml');
    assert.equal(step('moveToCluster', 'serverAll').commandLine, 'ssomanage -serverall SSOCLUSTER');
    assert.equal(step('moveToServer', 'backup').commandLine, 'ssoconfig -backupSecret <backup file>');
    assert.equal(step('moveToServer', 'restore').commandLine, 'ssoconfig -restoreSecret <restore file>');
    assert.equal(step('moveToCluster', 'restoreEachNode').commandLine, 'ssoconfig -restoreSecret <restore file>');
    assert.match(step('moveToServer', 'updateDb').subSteps[0].text, /<sso>\n<globalInfo>\n<secretServer>NewMSSServer<\/secretServer>\n<\/globalInfo>\n<\/sso>/);
  });

  it("says Microsoft's page has no restart command and gives the documented net stop / net start", () => {
    const s = step('moveToServer', 'restartService');
    assert.equal(s.commandLine, 'net stop entsso\nnet start entsso');
    assert.match(s.text, /page gives no command/);
    assert.ok(s.warnings.some((w) => /BizTalk host instances depend on the ENTSSO service/.test(w)));
    assert.ok(s.warnings.some((w) => w.includes('10520')), '10520 is expected until the restore');
  });

  it('warns about the pitfalls where they bite', () => {
    const updateDb = step('moveToServer', 'updateDb');
    assert.ok(updateDb.warnings.some((w) => w.includes('<globalnfo>')), 'globalnfo typo');
    assert.ok(updateDb.warnings.some((w) => w.includes('en dash') && w.includes('U+2013')), 'en dash');
    assert.ok(updateDb.warnings.some((w) => w.includes('**only** `<secretServer>`')), 'only secretServer');
    assert.ok(step('moveToServer', 'restore').warnings.some((w) => w.includes('10766')), '10766 on restore');
    assert.ok(step('moveToCluster', 'restoreEachNode').warnings.some((w) => w.includes('first one too')));
    assert.ok(step('moveToCluster', 'clusterSetup').warnings.some((w) => w.includes('Use Network Name for computer name')));
    assert.ok(step('moveToCluster', 'clusterSetup').warnings.some((w) => w.includes('never **Create a new SSO system**')));
    assert.ok(step('moveToCluster', 'cycleResource').warnings.some((w) => w.includes('net start entsso')));
  });

  it('says plainly where the docs are unsure', () => {
    assert.ok(step('moveToServer', 'restartService').doubts.some((d) => d.includes('**service**') && d.includes('Restart the (new) Master Secret Server')));
    assert.ok(step('moveToServer', 'restore').doubts.some((d) => d.includes('30 seconds') && d.includes('60 seconds')));
    assert.ok(step('moveToServer', 'backup').doubts.some((d) => d.includes('-backupSecret') && d.includes('-backupsecret')));
    assert.ok(step('moveToCluster', 'clusterSetup').doubts.some((d) => d.includes('SSONETWORKNAME') && d.includes('MSS_CLUSTER')));
    assert.ok(step('moveToCluster', 'serverAll').doubts.some((d) => d.startsWith('Cluster target name')));
  });

  it('folds in How to Back Up the Master Secret with both routes and its rules', () => {
    const folded = step('moveToServer', 'backup').folded;
    assert.ok(folded);
    assert.equal(folded.title, 'How to Back Up the Master Secret');
    assert.equal(folded.source, 'biztalk/core/how-to-back-up-the-master-secret');
    assert.deepEqual(folded.routes.map((r) => r.name), ['Command line', 'MMC snap-in']);
    const cli = folded.routes[0];
    assert.equal(cli.commandLine, 'ssoconfig -backupSecret <backup file>');
    assert.ok(cli.steps.some((t) => t.includes('`ssoconfig -backupSecret <backup file>`')));
    assert.ok(folded.routes[1].steps.some((t) => t.includes('**Backup Secret**')));
    const rules = [...folded.preconditions, ...folded.warnings].join('\n');
    for (const phrase of ['**NTFS**', '**removable media**', '**same password**', 'at least 7 characters', 'Keep the backup file in a secure location.']) {
      assert.ok(rules.includes(phrase), phrase);
    }
  });

  it('folds in How to Restore the Master Secret on both restore steps', () => {
    for (const [procedure, id] of [['moveToServer', 'restore'], ['moveToCluster', 'restoreEachNode']] as const) {
      const folded = step(procedure, id).folded;
      assert.ok(folded, id);
      assert.equal(folded.source, 'biztalk/core/how-to-restore-the-master-secret');
      assert.equal(folded.title, 'How to Restore the Master Secret');
      assert.deepEqual(folded.routes.map((r) => r.name), ['Command line', 'MMC snap-in']);
      assert.equal(folded.routes[0].commandLine, 'ssoconfig -restoreSecret <restore file>');
      assert.ok(folded.routes[0].steps.some((t) => t.includes('`ssoconfig -restoreSecret <restore file>`')));
      assert.ok(folded.routes[1].steps.some((t) => t.includes('**Restore Secret**')));
    }
    assert.equal(step('moveToServer', 'updateDb').folded, undefined);
  });

  it('folds in How to Cluster the Master Secret Server without its second-node restore section, and makes the Join override explicit', () => {
    const folded = step('moveToCluster', 'clusterSetup').folded;
    assert.ok(folded);
    assert.equal(folded.source, 'biztalk/core/how-to-cluster-the-master-secret-server1');
    assert.equal(folded.title, 'How to Cluster the Master Secret Server');
    const sections = folded.sections ?? [];
    assert.deepEqual(sections.map((s) => s.ref), ['5.1', '5.2', '5.3']);
    assert.deepEqual(sections.map((s) => s.steps.length), [19, 5, 12]);
    assert.ok(!sections.some((s) => /second cluster node/i.test(s.title)), 'no "Restore the master secret on the second cluster node" section');
    assert.ok(folded.notes.some((n) => n.startsWith('Skip the section **Restore the master secret on the second cluster node**. Step 7')));
    assert.ok(folded.notes.some((n) => n.startsWith('Different from the cluster page') && n.includes('**Join an existing SSO system**')));
    assert.match(sections[0].steps[6].text, /\*\*Join an existing SSO system\*\* \(the cluster page says \*\*Create a new SSO system\*\* here/);
    assert.equal(sections[1].title, 'Update the master secret server name in the SSO database');
    assert.ok(sections[1].steps.some((s) => s.commandLine?.startsWith('ssomanage -updatedb ')));
    assert.ok(folded.notes.some((n) => n.startsWith('The section **Update the master secret server name in the SSO database** is where the move to a cluster changes the master secret server name')));
    assert.match(step('moveToCluster', 'clusterSetup').text, /The section \*\*Update the master secret server name in the SSO database\*\* of that topic/);
  });

  it('uses only ASCII in command lines: never the en dash of the doc pages', () => {
    const lines = allCommandLines();
    assert.ok(lines.length >= 10, `found ${lines.length} command lines`);
    for (const [where, line] of lines) {
      assert.ok(!line.includes(EN_DASH), `${where} has an en dash`);
      assert.match(line, /^[\x20-\x7e\n]+$/, `${where} is plain ASCII`);
      assert.match(line, /^(ssomanage|ssoconfig|net) -?[a-z]/i, `${where} starts with a known tool`);
    }
    for (const text of allStrings(procedures)) {
      for (const code of codeIn(text)) {
        assert.ok(!code.includes(EN_DASH) && !code.includes(EM_DASH), `code "${code}" has a dash that is not ASCII`);
      }
      assert.ok(!text.includes(EN_DASH), `no en dash anywhere in the model: "${text.slice(0, 60)}"`);
    }
  });

  it('looks procedures and steps up, and builds context keys', () => {
    assert.equal(getProcedure('moveToCluster'), procedures.moveToCluster);
    assert.equal(getProcedure('nope'), undefined);
    assert.equal(getProcedure('toString'), undefined);
    assert.equal(findStep('moveToServer', 'backup')?.number, 3);
    assert.equal(findStep('moveToServer', 'cycleResource'), undefined);
    assert.equal(findStep('x', 'backup'), undefined);
    assert.equal(findSubStep('moveToServer', 'configure.6')?.notes[0], 'This must be a domain account.');
    assert.equal(findSubStep('moveToServer', 'configure.9'), undefined);
    assert.equal(contextKey('moveToCluster', 'restoreEachNode'), 'mss.done.moveToCluster.restoreEachNode');
    assert.deepEqual(
      missingRequirements('moveToServer', 'restore', new Set(['backup'])).map((s) => s.id),
      ['updateDb', 'restartService'],
    );
    assert.deepEqual(missingRequirements('moveToServer', 'restore', new Set(['backup', 'updateDb', 'restartService'])), []);
  });

  it('is frozen so that no view can change the one source', () => {
    assert.ok(Object.isFrozen(procedures.moveToServer.steps[0].warnings));
    assert.throws(() => {
      (procedures.moveToServer.steps).push(procedures.moveToServer.steps[0]);
    }, TypeError);
  });
});
