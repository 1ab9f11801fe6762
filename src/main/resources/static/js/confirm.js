// A form with data-confirm asks before it is sent (the CSP allows no inline script, so pages load this file).
document.addEventListener('submit', function (event) {
    var question = event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
        event.preventDefault();
    }
});
