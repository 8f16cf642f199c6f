// A button that copies a field's text (the enrolment link): <button data-copy="field-id" data-copied="Copied">.
for (const button of document.querySelectorAll('[data-copy]')) {
  button.hidden = false; // without this script the field is still there to select by hand
  button.addEventListener('click', async () => {
    const field = document.getElementById(button.dataset.copy);
    await navigator.clipboard.writeText(field.value);
    button.textContent = button.dataset.copied;
  });
}
