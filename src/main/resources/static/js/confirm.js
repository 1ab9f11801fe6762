// A destructive form (data-confirm) asks before it is sent, saying its consequence. A static file:
// the pages' Content-Security-Policy allows no inline script.
document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
        event.preventDefault();
    }
});
