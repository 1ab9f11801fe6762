// The own-statement editor (本人声明) in a dialog. A static file: the pages' Content-Security-Policy allows no
// inline script. Without script the button is a plain link to the record's statement page, and the form there
// is an ordinary form; with it, the button opens the same form in a native <dialog> on the page itself.
(function () {
    function open(dialog) {
        if (dialog && typeof dialog.showModal === 'function' && !dialog.open) {
            dialog.showModal();
        }
    }

    // the live count of characters (code points, as the platform counts them) under each statement textarea
    function count(textarea) {
        var target = document.getElementById(textarea.getAttribute('data-counter'));
        if (!target) {
            return;
        }
        var max = parseInt(textarea.getAttribute('maxlength'), 10) || 500;
        var used = Array.from(textarea.value).length;
        target.textContent = '已输入 ' + used + ' / ' + max + ' 字' + (used > max ? '（超出 ' + (used - max) + ' 字）' : '');
    }

    document.addEventListener('click', function (event) {
        var opener = event.target.closest && event.target.closest('[data-statement-dialog]');
        if (!opener) {
            return;
        }
        var dialog = document.getElementById(opener.getAttribute('data-statement-dialog'));
        if (dialog && typeof dialog.showModal === 'function') {
            event.preventDefault();
            open(dialog);
            var textarea = dialog.querySelector('textarea');
            if (textarea) {
                textarea.focus();
            }
        }
    });

    document.addEventListener('input', function (event) {
        if (event.target.matches && event.target.matches('textarea[data-counter]')) {
            count(event.target);
        }
    });

    function start() {
        document.querySelectorAll('textarea[data-counter]').forEach(count);
        // a refused submission comes back with its dialog marked to reopen, the typed text in it
        document.querySelectorAll('dialog[data-reopen]').forEach(open);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
