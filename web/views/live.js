// Parts of a page that refresh every 3 s while it is open (the survey's figures, the cohort's needs): each
// names its own address in data-refresh. A file: the CSP allows no inline script.
setInterval(() => {
  for (const part of document.querySelectorAll('[data-refresh]')) {
    fetch(part.dataset.refresh, { headers: { accept: 'text/html' } }).then(
      async (response) => {
        if (response.ok && part.isConnected) part.outerHTML = await response.text();
      },
      () => {},
    );
  }
}, 3000);
