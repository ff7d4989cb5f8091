/**
 * The page's script, inlined: the links of the outline and the panel are plain anchors and
 * work without it; it only marks every fragment of the message jumped to (a message that
 * crosses elements has several), lets a click on an underline show its panel entry, and
 * folds the outline on a phone-wide screen so the text comes first.
 */
export const PAGE_SCRIPT = `
(() => {
  const markCurrent = () => {
    for (const element of document.querySelectorAll('.current')) element.classList.remove('current');
    const match = /^#message-(\\d+)$/.exec(location.hash);
    if (!match) return;
    for (const element of document.querySelectorAll('[data-message="' + match[1] + '"]')) element.classList.add('current');
    const entry = document.getElementById('panel-message-' + match[1]);
    if (entry) entry.classList.add('current');
  };
  if (matchMedia('(max-width: 60rem)').matches) document.querySelector('nav.outline details')?.removeAttribute('open');
  window.addEventListener('hashchange', markCurrent);
  markCurrent();
  document.getElementById('text')?.addEventListener('click', (event) => {
    const fragment = event.target instanceof Element ? event.target.closest('[data-message]') : null;
    const entry = fragment && document.getElementById('panel-message-' + fragment.getAttribute('data-message'));
    if (entry) entry.scrollIntoView({ block: 'nearest' });
  });
})();
`;
