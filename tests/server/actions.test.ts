/**
 * Quick fixes as a writer uses them: ask for the actions at a finding, apply the
 * chosen edit (or run its command) the way the editor would, and check the text
 * and the diagnostics that follow.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient, applyEdit, fileUri, textAt } from './client.js';

function byCode(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.find((d) => d.code === code);
  if (!found) throw new Error(`no ${code} in ${diagnostics.map((d) => d.code).join(', ')}`);
  return found;
}

/** Applies a code action's edit to the client's copy and sends it as a change, as an editor does. */
async function apply(client: TestClient, uri: string, action: CodeAction): Promise<string> {
  const edits = (action.edit?.changes?.[uri] ?? []) as TextEdit[];
  expect(edits.length).toBeGreaterThan(0);
  // Edits of one action do not overlap; apply from the end so earlier positions hold.
  for (const edit of [...edits].reverse()) await client.change(uri, [{ range: edit.range, text: edit.newText }]);
  return client.texts.get(uri) ?? '';
}

async function actionsAt(client: TestClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], triggerKind: 1 },
  });
}

describe('quick fixes', () => {
  let client: TestClient;
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'klar-lsp-'));
    client = await TestClient.start({ folder, locale: 'sv' });
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  });

  it('replaces a finding with a suggestion, preferring only a safe replacement', async () => {
    const uri = fileUri(join(folder, 'brev.txt'));
    await client.open(uri, 'plaintext', 'Ta med t.ex. pass. Vi erhåller 😀 ansökan.\n');
    const diagnostics = await client.diagnostics(uri);

    const tex = await actionsAt(client, uri, byCode(diagnostics, 'sv/abbreviation/t-ex'));
    expect(tex[0]).toMatchObject({ title: 'Ersätt med ”till exempel”', kind: 'quickfix', isPreferred: true });
    expect(await apply(client, uri, tex[0] as CodeAction)).toBe('Ta med till exempel pass. Vi erhåller 😀 ansökan.\n');
    const afterFirst = await client.diagnostics(uri);
    expect(afterFirst.map((d) => d.code)).not.toContain('sv/abbreviation/t-ex');

    // "erhåller" is an inflected form: "få" must be inflected by the writer, so it is offered, not preferred.
    const erhalla = await actionsAt(client, uri, byCode(afterFirst, 'sv/officialese/erhalla'));
    const replace = erhalla.find((a) => a.title === 'Ersätt med ”få”');
    expect(replace?.isPreferred).toBeUndefined();
    expect(erhalla.map((a) => a.title)).not.toContain('Stäng av sv/officialese/erhalla på den här raden');
    expect(await apply(client, uri, replace as CodeAction)).toBe('Ta med till exempel pass. Vi få 😀 ansökan.\n');
    expect((await client.diagnostics(uri)).map((d) => d.code)).not.toContain('sv/officialese/erhalla');
  });

  it('explains an easy-read word after it', async () => {
    client.settings = { profile: 'easy-read' };
    const uri = fileUri(join(folder, 'lattlast.txt'));
    await client.open(uri, 'plaintext', 'Din handläggare ringer dig i morgon.\n');
    const finding = byCode(await client.diagnostics(uri), 'sv/easy-read/handlaggare');
    const actions = await actionsAt(client, uri, finding);
    const explain = actions.find((a) => a.title === 'Förklara ”handläggare” efter ordet');
    expect(await apply(client, uri, explain as CodeAction)).toBe(
      'Din handläggare (En handläggare är en person som arbetar med ditt ärende.) ringer dig i morgon.\n',
    );
    client.settings = {};
  });

  it('turns a rule off on one line of a Markdown file with a comment', async () => {
    const uri = fileUri(join(folder, 'sida.md'));
    const text = '# Beslut\n\n- Vi erhåller ansökan.\n- Vi erhåller fler ansökningar i maj\n  och erhåller svar.\n';
    await client.open(uri, 'markdown', text);
    const findings = (await client.diagnostics(uri)).filter((d) => d.code === 'sv/officialese/erhalla');
    expect(findings).toHaveLength(3);

    // The finding on the first line of the second item: a comment line of its own before it.
    const onItem = await actionsAt(client, uri, findings[1] as Diagnostic);
    const line = onItem.find((a) => a.title === 'Stäng av sv/officialese/erhalla på den här raden') as CodeAction;
    const text2 = await apply(client, uri, line);
    expect(text2).toBe(
      '# Beslut\n\n- Vi erhåller ansökan.\n<!-- klar-disable-next-line sv/officialese/erhalla -- skäl -->\n- Vi erhåller fler ansökningar i maj\n  och erhåller svar.\n',
    );
    const left = (await client.diagnostics(uri)).filter((d) => d.code === 'sv/officialese/erhalla');
    expect(left.map((d) => d.range.start.line)).toEqual([2, 5]);

    // Inside a paragraph a comment line would split it: the comment ends the line before instead.
    const inside = await actionsAt(client, uri, left[1] as Diagnostic);
    const text3 = await apply(client, uri, inside.find((a) => a.title === 'Stäng av sv/officialese/erhalla på den här raden') as CodeAction);
    expect(text3.split('\n')[4]).toBe('- Vi erhåller fler ansökningar i maj <!-- klar-disable-next-line sv/officialese/erhalla -- skäl -->');
    expect((await client.diagnostics(uri)).filter((d) => d.code === 'sv/officialese/erhalla').map((d) => d.range.start.line)).toEqual([2]);
  });

  it('turns a rule off in a whole Markdown file, after its front matter', async () => {
    const uri = fileUri(join(folder, 'fil.md'));
    await client.open(uri, 'markdown', '---\ntitle: Beslut\n---\n# Beslut\n\nVi erhåller ansökan. Vi erhåller svar.\n');
    const finding = byCode(await client.diagnostics(uri), 'sv/officialese/erhalla');
    const actions = await actionsAt(client, uri, finding);
    const text = await apply(client, uri, actions.find((a) => a.title === 'Stäng av sv/officialese/erhalla i den här filen') as CodeAction);
    expect(text).toBe('---\ntitle: Beslut\n---\n<!-- klar-disable sv/officialese/erhalla -->\n# Beslut\n\nVi erhåller ansökan. Vi erhåller svar.\n');
    expect((await client.diagnostics(uri)).map((d) => d.code)).not.toContain('sv/officialese/erhalla');
  });

  it('turns a rule off in an HTML file inside its body', async () => {
    const uri = fileUri(join(folder, 'sida.html'));
    await client.open(uri, 'html', '<!doctype html>\n<html lang="sv">\n<body>\n<p>Vi erhåller ansökan.</p>\n</body>\n</html>\n');
    const finding = byCode(await client.diagnostics(uri), 'sv/officialese/erhalla');
    const actions = await actionsAt(client, uri, finding);
    const text = await apply(client, uri, actions.find((a) => a.title === 'Stäng av sv/officialese/erhalla i den här filen') as CodeAction);
    expect(text).toBe('<!doctype html>\n<html lang="sv">\n<body>\n<!-- klar-disable sv/officialese/erhalla -->\n<p>Vi erhåller ansökan.</p>\n</body>\n</html>\n');
    expect((await client.diagnostics(uri)).map((d) => d.code)).not.toContain('sv/officialese/erhalla');
  });

  it('adds a word to the project’s word list, and the word is no longer reported', async () => {
    client.settings = { profile: 'easy-read' };
    const uri = fileUri(join(folder, 'ord.md'));
    await client.open(uri, 'markdown', '# Hjälp hemma\n\nDu kan få hjälp av en kurator på vårdcentralen.\n');
    const finding = byCode(await client.diagnostics(uri), 'sv/easy-read/unfamiliar-word');
    expect(textAt(client.texts.get(uri) ?? '', finding.range)).toBe('kurator');
    const actions = await actionsAt(client, uri, finding);
    const add = actions.find((a) => a.title === 'Lägg till ”kurator” i projektets ordlista') as CodeAction;
    // Markdown also offers the comments; the word list is one action among them.
    expect(actions.map((a) => a.title)).toContain('Stäng av sv/easy-read/unfamiliar-word på den här raden');
    const mark = client.mark();
    const result = await client.request<{ file: string; added: boolean }>('workspace/executeCommand', add.command);
    expect(result).toEqual({ file: join(folder, '.klar', 'words.txt'), added: true });
    expect(readFileSync(join(folder, '.klar', 'words.txt'), 'utf8')).toBe('kurator\n');
    const after = await client.diagnosticsAfter(uri, mark);
    expect(after.map((d) => d.code)).not.toContain('sv/easy-read/unfamiliar-word');
    client.settings = {};
  });

  it('offers only the word list for plain text, not comments', async () => {
    client.settings = { profile: 'easy-read' };
    const uri = fileUri(join(folder, 'ord.txt'));
    await client.open(uri, 'plaintext', 'Vi skickar en remiss till kardiologen.\n');
    const finding = byCode(await client.diagnostics(uri), 'sv/easy-read/unfamiliar-word');
    const titles = (await actionsAt(client, uri, finding)).map((a) => a.title);
    expect(titles).toEqual(['Lägg till ”kardiologen” i projektets ordlista']);
    client.settings = {};
  });

  it('computes spelling suggestions only when the writer picks the fix', async () => {
    client.settings = { spelling: true };
    const uri = fileUri(join(folder, 'stavning.txt'));
    await client.open(uri, 'plaintext', 'Beslutet kommmer i morgon.\n');
    const finding = byCode(await client.diagnostics(uri), 'sv/spelling/unknown-word');
    const actions = await actionsAt(client, uri, finding);
    const lazy = actions.find((a) => a.title === 'Stavningsförslag för ”kommmer”') as CodeAction;
    expect(lazy.edit).toBeUndefined();
    const resolved = await client.request<CodeAction>('codeAction/resolve', lazy);
    expect(resolved.edit?.changes?.[uri]?.[0]?.range).toEqual(finding.range);
    expect(resolved.edit?.changes?.[uri]?.[0]?.newText).toBe('kommer');
    // Known now: the next request lists each suggestion as its own fix.
    const again = (await actionsAt(client, uri, finding)).map((a) => a.title);
    expect(again).toContain('Ersätt med ”kommer”');
    expect(again).not.toContain('Stavningsförslag för ”kommmer”');
    client.settings = {};
  });
});
