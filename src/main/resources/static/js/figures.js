// The public figures page: fetches the chart options as JSON and draws each chart with Apache ECharts.
// A static script, so the page's Content-Security-Policy keeps forbidding inline script.
(function () {
    'use strict';
    function draw() {
        var charts = document.querySelectorAll('[data-chart]');
        if (!charts.length || typeof window.echarts === 'undefined') {
            return;
        }
        fetch('/api/v1/public/figures', { headers: { 'Accept': 'application/json' } })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (figures) {
                if (!figures || !figures.charts) {
                    return;
                }
                var drawn = [];
                charts.forEach(function (element) {
                    var option = figures.charts[element.getAttribute('data-chart')];
                    if (option) {
                        var chart = window.echarts.init(element, null, { renderer: 'svg' });
                        chart.setOption(option);
                        element.setAttribute('data-drawn', 'true');
                        drawn.push(chart);
                    }
                });
                window.addEventListener('resize', function () {
                    drawn.forEach(function (chart) { chart.resize(); });
                });
            });
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
})();
