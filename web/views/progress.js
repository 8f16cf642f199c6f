// The cohort page's survey figures, refreshed every 3 s while the page is open (a file: the CSP allows no inline script).
const progress = document.getElementById('progress');
if (progress) {
  setInterval(async () => {
    const response = await fetch(`${location.pathname}/progress`, { headers: { accept: 'text/html' } });
    if (response.ok) document.getElementById('progress').outerHTML = await response.text();
  }, 3000);
}
