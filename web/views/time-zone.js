// The participant's time zone as their browser knows it, sent with their answers: dates in their pages and
// emails are then shown in it (unless the organisers already set one).
for (const input of document.querySelectorAll('input[data-detect-time-zone]')) {
  input.value = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
}
