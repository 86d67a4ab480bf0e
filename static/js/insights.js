// Insights: draws the page's charts from the JSON the server put in #insights-data.
// Every chart has its figures in a table or list beside it, so nothing is lost when
// scripts are off or a screen reader skips the canvas.
(function () {
  "use strict";

  var source = document.getElementById("insights-data");
  if (!source || typeof window.Chart === "undefined") {
    return;
  }
  var Chart = window.Chart;
  var data = JSON.parse(source.textContent);

  // The --stage-solid colours of app.css, so a stage looks the same on every page.
  var STAGE_COLOURS = {
    wishlist: "#64748b",
    applied: "#2563eb",
    screening: "#0891b2",
    interviewing: "#4f46e5",
    offer: "#10b981",
    accepted: "#15803d",
    rejected: "#dc2626",
    withdrawn: "#475569",
    ghosted: "#94a3b8"
  };
  var TEXT = "#344054";
  var GRID = "#eef0f4";

  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = TEXT;
  if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) {
    Chart.defaults.animation = false;
  }

  var numbers = new Intl.NumberFormat();

  function stageColour(stage) {
    return STAGE_COLOURS[stage] || "#98a2b3";
  }

  function drawFlows(canvas) {
    // The plugin registers itself on window.Chart; without it the table still says it all.
    if (!canvas || !data.flows.length || !Chart.registry.controllers.get("sankey")) {
      return;
    }
    new Chart(canvas, {
      type: "sankey",
      data: {
        datasets: [{
          label: data.words.moves,
          data: data.flows,
          labels: data.stages,
          colorFrom: function (context) { return stageColour(context.raw && context.raw.from); },
          colorTo: function (context) { return stageColour(context.raw && context.raw.to); },
          colorMode: "gradient",
          alpha: 0.45,
          borderWidth: 0,
          nodeWidth: 14,
          size: "max",
          color: TEXT,
          font: { weight: "600" }
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: function (context) {
                var flow = context.raw;
                return data.stages[flow.from] + " → " + data.stages[flow.to] + ": " +
                  numbers.format(flow.flow) + " " + (flow.flow === 1 ? data.words.move : data.words.movesCount);
              }
            }
          }
        }
      }
    });
  }

  function drawWeeks(canvas) {
    if (!canvas || !data.weeks.length) {
      return;
    }
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.weeks.map(function (week) { return week.label; }),
        datasets: [{
          label: data.words.sent,
          data: data.weeks.map(function (week) { return week.count; }),
          backgroundColor: STAGE_COLOURS.applied,
          borderRadius: 3,
          maxBarThickness: 28
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
          y: { beginAtZero: true, grid: { color: GRID }, ticks: { precision: 0 } }
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: function (items) { return data.words.weekOf.replace("%(day)s", items[0].label); }
            }
          }
        }
      }
    });
  }

  function drawChannels(canvas) {
    if (!canvas || !data.channels.length) {
      return;
    }
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.channels.map(function (channel) { return channel.label; }),
        datasets: [{
          label: data.words.rejections,
          data: data.channels.map(function (channel) { return channel.count; }),
          backgroundColor: STAGE_COLOURS.rejected,
          borderRadius: 3,
          maxBarThickness: 22
        }]
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { beginAtZero: true, grid: { color: GRID }, ticks: { precision: 0 } },
          // Long channel names ("Automated (form letter…)") would squeeze the bars: the
          // axis shows the words before the bracket; the tooltip and the list, all of it.
          y: {
            grid: { display: false },
            ticks: {
              callback: function (value) {
                return this.getLabelForValue(value).split(" (")[0];
              }
            }
          }
        },
        plugins: { legend: { display: false } }
      }
    });
  }

  drawFlows(document.getElementById("flows-chart"));
  drawWeeks(document.getElementById("weeks-chart"));
  drawChannels(document.getElementById("channels-chart"));
})();
