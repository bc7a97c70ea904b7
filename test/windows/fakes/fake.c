/*
 * A fake Windows tool for the Windows-runtime tests (test/windows/): built with MinGW by
 * scripts/windows-test/run.mjs and copied as ssomanage.exe, ssoconfig.exe, net.exe, sc.exe,
 * wevtutil.exe, powershell.exe and reg.exe. It is a real Windows console program: Windows node.exe builds
 * its command line, and it parses it with the C runtime's rules, as the real tools do.
 *
 * What it does, by the name it was started as (argv[0]) and its first word (the "verb"):
 *   - appends one JSON line to the file %MSS_FAKE_LOG%:
 *       {"tool":"sc","commandLine":GetCommandLineW(),"argv":[argv[1]...],"cwd":"...","stdin":[lines read]}
 *   - prints what the real tool prints for that command (the layouts of docs/tools.md and
 *     docs/verification.md): ssomanage -displaydb, -updatedb, -serverall, -showserver; ssoconfig
 *     -backupSecret and -restoreSecret, with their prompts read from stdin; net stop and start
 *     ENTSSO; sc [\\NAME] query ENTSSO; wevtutil qe Application ...; powershell and reg print
 *     nothing unless told (out=FILE).
 *   - behaves as told by %MSS_FAKE_<TOOL>_<VERB>% or else %MSS_FAKE_<TOOL>% (for example
 *     MSS_FAKE_NET_STOP, MSS_FAKE_SC), a list of key=value separated by ';':
 *       fail=1      the tool's documented failure output (and exit 1 unless exit= says otherwise)
 *       exit=N      exit code N (decimal or 0x hex, all 32 bits: 1060, 0xC0000005)
 *       out=FILE    print the bytes of FILE instead (localized, OEM code page, garbage, nothing)
 *       enc=utf16   print the text as UTF-16 LE with a BOM (enc=utf8, the default, prints ASCII/UTF-8)
 *       state=N     sc query: the STATE (1 STOPPED, 2 START_PENDING, 3 STOP_PENDING, 4 RUNNING, 7 PAUSED)
 *       server=NAME ssomanage -displaydb: the secret server name (default BTSMSS02)
 *       sleep=MS    wait this long before exiting (a tool that hangs)
 *       ask=1       net stop: ask the Y/N question of a service with dependents, read the answer
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

typedef struct { char *p; size_t n, cap; } buf;

static void put(buf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    b->cap = (b->n + n + 1) * 2;
    b->p = realloc(b->p, b->cap);
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = 0;
}
static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }

static char *utf8(const wchar_t *w) {
  int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
  char *s = malloc(n > 0 ? n : 1);
  if (n <= 0) { s[0] = 0; return s; }
  WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL);
  return s;
}

static void json_utf8(buf *b, const char *u) {
  puts_(b, "\"");
  for (const unsigned char *c = (const unsigned char *)u; *c; c++) {
    if (*c == '"' || *c == '\\') { char e[2] = { '\\', (char)*c }; put(b, e, 2); }
    else if (*c < 0x20) { char e[8]; snprintf(e, sizeof e, "\\u%04x", *c); put(b, e, 6); }
    else put(b, (const char *)c, 1);
  }
  puts_(b, "\"");
}
static void json_wide(buf *b, const wchar_t *w) { char *u = utf8(w); json_utf8(b, u); free(u); }

static void write_all(HANDLE h, const void *p, DWORD n) {
  DWORD w;
  while (n > 0) {
    if (!WriteFile(h, p, n, &w, NULL) || w == 0) return;
    p = (const char *)p + w;
    n -= w;
  }
}

/* The options of this run: MSS_FAKE_<TOOL>_<VERB>, else MSS_FAKE_<TOOL>. */
static wchar_t spec[4096];
static const wchar_t *opt(const wchar_t *key) {
  static wchar_t value[2048];
  size_t k = wcslen(key);
  for (wchar_t *s = spec; *s;) {
    wchar_t *end = wcschr(s, L';');
    size_t len = end ? (size_t)(end - s) : wcslen(s);
    if (len > k && wcsncmp(s, key, k) == 0 && s[k] == L'=') {
      size_t v = len - k - 1;
      if (v >= 2048) v = 2047;
      wcsncpy(value, s + k + 1, v);
      value[v] = 0;
      return value;
    }
    if (!end) break;
    s = end + 1;
  }
  return NULL;
}

static wchar_t out_text[65536];
static void say(const wchar_t *t) { wcsncat(out_text, t, 65535 - wcslen(out_text)); }

/* Lines read from stdin (the prompts' answers), kept for the record. */
static buf stdin_json;
static int stdin_lines = 0;
static void prompt(const wchar_t *text) {
  char *u = utf8(text);
  write_all(GetStdHandle(STD_OUTPUT_HANDLE), u, (DWORD)strlen(u));
  free(u);
  buf line = { 0 };
  char c;
  DWORD n;
  int got = 0;
  while (ReadFile(GetStdHandle(STD_INPUT_HANDLE), &c, 1, &n, NULL) && n == 1) {
    got = 1;
    if (c == '\n') break;
    if (c != '\r') put(&line, &c, 1);
  }
  if (!got) return; /* end of input: nothing read, nothing recorded */
  if (stdin_lines++ > 0) puts_(&stdin_json, ",");
  json_utf8(&stdin_json, line.p ? line.p : "");
  free(line.p);
  write_all(GetStdHandle(STD_OUTPUT_HANDLE), "\r\n", 2);
}

static void upper_alnum(wchar_t *dst, const wchar_t *src, size_t max) {
  size_t i = 0;
  for (; *src && i + 1 < max; src++) {
    if (iswalnum(*src)) dst[i++] = (wchar_t)towupper(*src);
  }
  dst[i] = 0;
}

static const wchar_t *DISPLAYDB_FORMAT =
    L"Using SSO server on this computer\r\n\r\nSSO database information\r\n\r\n"
    L"SQL Server                                           : BTSSQL01\\BIZTALK\r\n"
    L"Single Sign-On database                              : SSODB\r\n"
    L"Single Sign-On Secret Server name                    : %ls\r\n"
    L"Single Sign-On Administrators account                : CONTOSO\\SSO Administrators\r\n"
    L"Single Sign-On Affiliate Administrators account      : CONTOSO\\SSO Affiliate Administrators\r\n"
    L"Ticket timeout (in minutes)                          : 2\r\n"
    L"Credential cache timeout (in minutes)                : 60\r\n\r\n"
    L"The operation completed successfully.\r\n";
static const wchar_t *SSO_ERROR =
    L"Using SSO server on this computer\r\n\r\n"
    L"ERROR: 0xC0002A0F : Could not contact the SSO server 'BTSMSS01'. Check that SSO is configured and that the SSO service is running on that server.\r\n"
    L"(RPC: 0x800706BA: The RPC server is unavailable.)\r\n";
static const wchar_t *EVENTS =
    L"<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='ENTSSO'/>"
    L"<EventID Qualifiers='16384'>10534</EventID><Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode>"
    L"<Keywords>0x80000000000000</Keywords><TimeCreated SystemTime='2026-03-02T10:05:00.000000000Z'/><EventRecordID>124</EventRecordID>"
    L"<Correlation/><Execution ProcessID='0' ThreadID='0'/><Channel>Application</Channel><Computer>BTSMSS02.contoso.com</Computer><Security/></System>"
    L"<EventData></EventData></Event>"
    L"<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='ENTSSO'/>"
    L"<EventID Qualifiers='16384'>10575</EventID><Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode>"
    L"<Keywords>0x80000000000000</Keywords><TimeCreated SystemTime='2026-03-02T10:00:00.000000000Z'/><EventRecordID>123</EventRecordID>"
    L"<Correlation/><Execution ProcessID='0' ThreadID='0'/><Channel>Application</Channel><Computer>BTSMSS01.contoso.com</Computer><Security/></System>"
    L"<EventData><Data>BTSMSS02</Data><Data>BTSMSS01</Data><Data>{11111111-2222-3333-4444-555555555555}</Data><Data>BTSMSS01</Data><Data>CONTOSO\\btsadmin</Data></EventData></Event>";

int wmain(int argc, wchar_t **argv) {
  wchar_t module[MAX_PATH], tool[64], verb[64] = L"", name[200];
  GetModuleFileNameW(NULL, module, MAX_PATH);
  const wchar_t *base = wcsrchr(module, L'\\');
  base = base ? base + 1 : module;
  size_t t = 0;
  for (; base[t] && base[t] != L'.' && t < 63; t++) tool[t] = (wchar_t)towlower(base[t]);
  tool[t] = 0;
  for (int i = 1; i < argc; i++) {
    if (wcsncmp(argv[i], L"\\\\", 2) == 0) continue; /* sc \\NAME query */
    upper_alnum(verb, argv[i], 64);
    break;
  }
  wchar_t tool_upper[64];
  upper_alnum(tool_upper, tool, 64);
  spec[0] = 0;
  swprintf(name, 200, L"MSS_FAKE_%ls_%ls", tool_upper, verb);
  if (!GetEnvironmentVariableW(name, spec, 4096)) {
    swprintf(name, 200, L"MSS_FAKE_%ls", tool_upper);
    if (!GetEnvironmentVariableW(name, spec, 4096)) spec[0] = 0;
  }
  int fail = opt(L"fail") != NULL;
  unsigned long code = fail ? 1 : 0;
  out_text[0] = 0;

  if (wcscmp(tool, L"ssomanage") == 0) {
    if (fail) say(SSO_ERROR);
    else if (wcscmp(verb, L"DISPLAYDB") == 0) {
      wchar_t text[4096];
      swprintf(text, 4096, DISPLAYDB_FORMAT, opt(L"server") ? opt(L"server") : L"BTSMSS02");
      say(text);
    } else say(L"Using SSO server on this computer\r\n\r\nThe operation completed successfully.\r\n");
  } else if (wcscmp(tool, L"ssoconfig") == 0) {
    if (wcscmp(verb, L"BACKUPSECRET") == 0) {
      prompt(L"Password : ");
      prompt(L"Confirm Password : ");
      prompt(L"Password reminder : ");
    } else if (wcscmp(verb, L"RESTORESECRET") == 0) {
      say(L"");
      prompt(L"Password reminder : the usual one\r\nPassword : ");
    }
    say(fail ? SSO_ERROR : L"The operation completed successfully.\r\n");
  } else if (wcscmp(tool, L"net") == 0) {
    if (fail) { say(L"System error 5 has occurred.\r\n\r\nAccess is denied.\r\n\r\n"); code = 2; }
    else if (wcscmp(verb, L"STOP") == 0) {
      if (opt(L"ask")) {
        say(L"");
        prompt(L"The following services are dependent on the Enterprise Single Sign-On Service service.\r\n"
               L"Stopping the Enterprise Single Sign-On Service service will also stop these services.\r\n\r\n"
               L"   BizTalk Service BizTalk Group : BizTalkServerApplication\r\n\r\n"
               L"Do you want to continue this operation? (Y/N) [N]: ");
      }
      say(L"The Enterprise Single Sign-On Service service is stopping.\r\nThe Enterprise Single Sign-On Service service was stopped successfully.\r\n\r\n");
    } else say(L"The Enterprise Single Sign-On Service service is starting.\r\nThe Enterprise Single Sign-On Service service was started successfully.\r\n\r\n");
  } else if (wcscmp(tool, L"sc") == 0) {
    if (fail) {
      say(L"[SC] EnumQueryServicesStatus:OpenService FAILED 1060:\r\n\r\nThe specified service does not exist as an installed service.\r\n\r\n");
      code = 1060;
    } else {
      static const wchar_t *names[] = { L"", L"STOPPED", L"START_PENDING", L"STOP_PENDING", L"RUNNING", L"CONTINUE_PENDING", L"PAUSE_PENDING", L"PAUSED" };
      unsigned long state = opt(L"state") ? wcstoul(opt(L"state"), NULL, 0) : 4;
      if (state < 1 || state > 7) state = 4;
      wchar_t text[2048];
      swprintf(text, 2048,
               L"\r\nSERVICE_NAME: ENTSSO\r\n        TYPE               : 10  WIN32_OWN_PROCESS\r\n"
               L"        STATE              : %lu  %ls\r\n                                (STOPPABLE, PAUSABLE, ACCEPTS_SHUTDOWN)\r\n"
               L"        WIN32_EXIT_CODE    : 0  (0x0)\r\n        SERVICE_EXIT_CODE  : 0  (0x0)\r\n"
               L"        CHECKPOINT         : 0x0\r\n        WAIT_HINT          : 0x0\r\n\r\n",
               state, names[state]);
      say(text);
    }
  } else if (wcscmp(tool, L"wevtutil") == 0) {
    if (fail) { say(L"Failed to read events. The RPC server is unavailable.\r\n"); code = 1722; }
    else say(EVENTS);
  }
  if (opt(L"exit")) code = wcstoul(opt(L"exit"), NULL, 0);

  /* The record: before the output, so that a tool stopped while it sleeps is recorded too. */
  const wchar_t *log = _wgetenv(L"MSS_FAKE_LOG");
  if (log && *log) {
    buf rec = { 0 };
    wchar_t cwd[MAX_PATH * 2];
    GetCurrentDirectoryW(MAX_PATH * 2, cwd);
    puts_(&rec, "{\"tool\":");
    json_wide(&rec, tool);
    puts_(&rec, ",\"commandLine\":");
    json_wide(&rec, GetCommandLineW());
    puts_(&rec, ",\"argv\":[");
    for (int i = 1; i < argc; i++) {
      if (i > 1) puts_(&rec, ",");
      json_wide(&rec, argv[i]);
    }
    puts_(&rec, "],\"cwd\":");
    json_wide(&rec, cwd);
    puts_(&rec, ",\"stdin\":[");
    if (stdin_json.p) puts_(&rec, stdin_json.p);
    puts_(&rec, "]}\n");
    HANDLE f = CreateFileW(log, FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (f != INVALID_HANDLE_VALUE) {
      write_all(f, rec.p, (DWORD)rec.n);
      CloseHandle(f);
    }
  }

  HANDLE out = GetStdHandle(fail && wcscmp(tool, L"net") == 0 ? STD_ERROR_HANDLE : STD_OUTPUT_HANDLE);
  const wchar_t *file = opt(L"out");
  if (file) {
    HANDLE f = CreateFileW(file, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (f != INVALID_HANDLE_VALUE) {
      char chunk[4096];
      DWORD n;
      while (ReadFile(f, chunk, sizeof chunk, &n, NULL) && n > 0) write_all(out, chunk, n);
      CloseHandle(f);
    }
  } else if (opt(L"enc") && wcscmp(opt(L"enc"), L"utf16") == 0) {
    write_all(out, "\xff\xfe", 2);
    write_all(out, out_text, (DWORD)(wcslen(out_text) * sizeof(wchar_t)));
  } else {
    char *u = utf8(out_text);
    write_all(out, u, (DWORD)strlen(u));
    free(u);
  }
  if (opt(L"sleep")) Sleep((DWORD)wcstoul(opt(L"sleep"), NULL, 0));
  ExitProcess((UINT)code);
  return 0;
}
