// A button that opens the browser's print dialog ("Save as PDF" among its printers): <button data-print hidden>.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false; // without this script the browser's own Print menu does the same
  button.addEventListener('click', () => window.print());
}
