// Warns before an idle staff session ends (chengxin.security.idle-timeout, read from #idle-timeout's data-seconds):
// two minutes before, a notice with a button that keeps the session; at the end, the login page. A static file:
// the CSP forbids inline script.
(function () {
    'use strict';
    var holder = document.getElementById('idle-timeout');
    if (!holder) {
        return;
    }
    var seconds = parseInt(holder.getAttribute('data-seconds'), 10);
    if (!(seconds > 0)) {
        return;
    }
    var warnBefore = Math.min(120, Math.floor(seconds / 2));
    var warnTimer;
    var endTimer;

    function start() {
        clearTimeout(warnTimer);
        clearTimeout(endTimer);
        holder.hidden = true;
        warnTimer = setTimeout(function () {
            holder.hidden = false;
        }, (seconds - warnBefore) * 1000);
        endTimer = setTimeout(function () {
            window.location.href = holder.getAttribute('data-login') || '/login?timeout';
        }, seconds * 1000);
    }

    var keep = document.getElementById('idle-timeout-keep');
    if (keep) {
        keep.addEventListener('click', function () {
            // any request of the session counts as activity: the page itself, without its body
            fetch(window.location.href, {method: 'HEAD', credentials: 'same-origin'}).then(start, start);
        });
    }
    start();
}());
