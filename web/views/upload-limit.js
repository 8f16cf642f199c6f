// A file over its input's limit is refused as soon as it is chosen, before anything is sent: the form and
// what was typed stay as they are (past 25 MB the server does not read the upload, so it could not send them back).
const kb = (bytes) => `${Math.ceil(bytes / 1024).toLocaleString('en')} KB`;
for (const input of document.querySelectorAll('input[type=file][data-max-bytes]')) {
  input.addEventListener('change', () => {
    const max = Number(input.dataset.maxBytes);
    const file = input.files[0];
    input.setCustomValidity(
      file && file.size > max
        ? `The CSV file is ${kb(file.size)}, over the limit of ${kb(max)} (${max / 1048576} MB). Choose a smaller file.`
        : '',
    );
    input.reportValidity();
  });
}
