// The pure ssoTools modules: argv builders, server-name rules, tool output
// parsing and the error explainer. No `vscode` import anywhere below.
export * from './backupFiles';
export * from './commandLines';
export * from './errors';
export * from './output';
export * from './serverName';
export * from './explanationHtml';
export * from './dependents';
