// The page-size select of a list (templates/listing.html) applies itself when changed. A static file: the pages'
// Content-Security-Policy allows no inline script. Without script the form's button does the same.
// Loaded once per pager; the flag keeps a page with two pagers from submitting twice.
if (!window.chengxinListing) {
    window.chengxinListing = true;
    document.addEventListener('change', function (event) {
        var select = event.target;
        if (select.classList && select.classList.contains('listing-size-select') && select.form) {
            select.form.submit();
        }
    });
}
