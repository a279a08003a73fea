/**
 * Runs inside the report webview (a browser context with a locked-down CSP):
 * turns clicks on links into "reveal" messages for the extension, and swaps in a
 * new report body when the document changes, so the reader keeps their scroll place.
 */

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Incoming = { type: 'render'; html: string };

const vscode = acquireVsCodeApi();
const main = document.getElementById('report');

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('a.jump') : null;
  if (!(target instanceof HTMLAnchorElement)) return;
  event.preventDefault();
  const range = (target.dataset.range ?? '').split(',').map(Number);
  if (range.length !== 4 || range.some((n) => !Number.isInteger(n) || n < 0)) return;
  vscode.postMessage({ type: 'reveal', range });
});

window.addEventListener('message', (event: MessageEvent<Incoming>) => {
  const message = event.data;
  // The extension has escaped every piece of document text in this HTML.
  if (message?.type === 'render' && main) main.innerHTML = message.html;
});
