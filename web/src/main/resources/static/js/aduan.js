// Behaviour every page shares, loaded from a file: the Content-Security-Policy allows no inline script.
// Buttons with data-confirm ask before their form is sent (archive, erase...).
document.addEventListener('submit', function (event) {
  var submitter = event.submitter;
  var question = (submitter && submitter.dataset.confirm) || event.target.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
