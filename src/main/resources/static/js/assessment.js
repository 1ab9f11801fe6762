// 部门考核: fetches each chart block's options as JSON (the URL in its data-charts attribute) and draws every
// [data-chart] inside it with Apache ECharts. A static script, so the Content-Security-Policy keeps forbidding inline script.
(function () {
    'use strict';
    function drawBlock(block) {
        var url = block.getAttribute('data-charts');
        if (!url) {
            return;
        }
        fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (body) {
                if (!body || !body.charts) {
                    return;
                }
                var drawn = [];
                block.querySelectorAll('[data-chart]').forEach(function (element) {
                    var option = body.charts[element.getAttribute('data-chart')];
                    if (option) {
                        var chart = window.echarts.init(element);
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
    function draw() {
        if (typeof window.echarts === 'undefined') {
            return;
        }
        document.querySelectorAll('[data-charts]').forEach(drawBlock);
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
})();
