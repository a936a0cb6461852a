// The two charts, with Chart.js (tree-shaken: only what they use). No animation: the figures move live.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.color = "#1a1a1a";

// Long Themenfeld names are shortened on the axis of a narrow chart; the tooltip and the table keep them whole.
const KURZ = 20;
const axisLabel = (chart) => function label(value) {
  const name = this.getLabelForValue(value);
  return chart.width < 500 && name.length > KURZ ? `${name.slice(0, KURZ - 1)}…` : name;
};

// Reifegrad 0–4, light to dark (a sequential palette that stays apart for colour-blind readers).
const REIFEGRAD_FARBEN = ["#d4d4d4", "#fdd49e", "#fc8d59", "#4a90c2", "#08306b"];

export function reifegradChart(canvas) {
  const chart = new Chart(canvas, {
    type: "bar",
    data: {
      labels: [],
      datasets: REIFEGRAD_FARBEN.map((farbe, reifegrad) => ({
        label: `Reifegrad ${reifegrad}`, data: [], backgroundColor: farbe, borderColor: "#ffffff", borderWidth: 1,
      })),
    },
    options: {
      indexAxis: "y",
      animation: false,
      maintainAspectRatio: false,
      scales: { x: { stacked: true, ticks: { precision: 0 }, title: { display: true, text: "Anzahl Leistungen" } }, y: { stacked: true, ticks: { autoSkip: false } } },
      plugins: { legend: { position: "top" } },
    },
  });
  chart.options.scales.y.ticks.callback = axisLabel(chart);
  return chart;
}

export function verlaufChart(canvas) {
  return new Chart(canvas, {
    type: "line",
    data: { labels: [], datasets: [{ label: "OZG-konforme Leistungen", data: [], borderColor: "#08306b", backgroundColor: "#08306b", tension: 0.2 }] },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "Anzahl Leistungen" } } },
      plugins: { legend: { display: false } },
    },
  });
}
