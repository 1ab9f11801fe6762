// A destructive form (data-confirm) asks before it is sent, in a native <dialog> that says the consequence
// (the attribute's text) and names the action on its confirm button. Loaded once by the layout; a static file,
// the pages' Content-Security-Policy allows no inline script. The dialog is modal (focus stays in it), opens
// on 取消 so that Enter does not destroy anything by accident, and closes on Esc; focus returns to the button
// that asked. Without <dialog> support the browser's own confirm asks instead.
(function () {
    var dialog;
    var pending = null;

    function build() {
        dialog = document.createElement('dialog');
        dialog.id = 'confirm-dialog';
        dialog.className = 'confirm-dialog';
        dialog.setAttribute('aria-labelledby', 'confirm-title');
        dialog.setAttribute('aria-describedby', 'confirm-message');
        dialog.innerHTML = '<h2 id="confirm-title">请确认</h2><p id="confirm-message" class="confirm-message"></p>'
            + '<div class="confirm-actions"><button type="button" id="confirm-cancel" class="secondary">取消</button>'
            + '<button type="button" id="confirm-ok" class="danger">确定</button></div>';
        document.body.appendChild(dialog);
        dialog.querySelector('#confirm-cancel').addEventListener('click', function () {
            dialog.close('cancel');
        });
        dialog.querySelector('#confirm-ok').addEventListener('click', function () {
            dialog.close('ok');
        });
        dialog.addEventListener('close', function () {
            var asked = pending;
            pending = null;
            if (!asked) {
                return;
            }
            if (dialog.returnValue === 'ok') {
                asked.form.setAttribute('data-confirmed', 'true');
                if (asked.submitter && typeof asked.form.requestSubmit === 'function') {
                    asked.form.requestSubmit(asked.submitter);
                } else {
                    asked.form.submit();
                }
            } else if (asked.submitter) {
                asked.submitter.focus();
            }
        });
    }

    function ask(form, submitter, question) {
        if (!dialog) {
            build();
        }
        pending = {form: form, submitter: submitter};
        dialog.returnValue = '';
        dialog.querySelector('#confirm-message').textContent = question;
        var action = submitter ? (submitter.textContent || submitter.value || '').trim() : '';
        dialog.querySelector('#confirm-ok').textContent = action ? '确定' + action : '确定';
        dialog.showModal();
        dialog.querySelector('#confirm-cancel').focus();
    }

    document.addEventListener('submit', function (event) {
        var form = event.target;
        var question = form.getAttribute && form.getAttribute('data-confirm');
        if (!question) {
            return;
        }
        if (form.getAttribute('data-confirmed') === 'true') {
            // asked and confirmed: this is the submission the confirm button sent
            form.removeAttribute('data-confirmed');
            return;
        }
        event.preventDefault();
        var submitter = event.submitter || form.querySelector('[type=submit]');
        if (typeof HTMLDialogElement === 'function' && typeof HTMLDialogElement.prototype.showModal === 'function') {
            ask(form, submitter, question);
        } else if (window.confirm(question)) {
            form.setAttribute('data-confirmed', 'true');
            form.submit();
        }
    });
})();
