/**
 * Runs inside the report webview (a browser context with a locked-down CSP):
 * turns clicks on links into "reveal" messages for the extension, and swaps in a
 * new report body when the document changes, so the reader keeps their scroll place.
 */

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
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

// The page is rebuilt when the panel is shown again; the reader's place is kept.
const saved = vscode.getState() as { scrollY?: number } | undefined;
if (typeof saved?.scrollY === 'number') window.scrollTo(0, saved.scrollY);
let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => vscode.setState({ scrollY: window.scrollY }), 100);
});

window.addEventListener('message', (event: MessageEvent<Incoming>) => {
  const message = event.data;
  // The extension has escaped every piece of document text in this HTML.
  if (message?.type === 'render' && main) main.innerHTML = message.html;
});
