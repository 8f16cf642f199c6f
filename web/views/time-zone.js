// The time zone of the browser, sent with a participant's answers or an admin's login: dates in their pages
// (and a participant's emails) are then shown in it.
for (const input of document.querySelectorAll('input[data-detect-time-zone]')) {
  input.value = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
}
