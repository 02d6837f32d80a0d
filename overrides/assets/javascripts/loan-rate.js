/* The loan rate calculator on the check-debt page (hooks/loan_calculator.py).
 *
 * The sums are hooks/engine/loan_rate.py's, step for step: days from the day the
 * money arrived, a 365-day year, the same bisection on ln(1 + EAR) with the
 * same bounds, the same simple-rate period. A browser test runs both on
 * hundreds of schedules. Nothing typed is sent or stored: no requests, no
 * storage, no cookies. window.loanRate exposes the pure functions for that test.
 */
(function () {
  "use strict";

  var DAYS_IN_YEAR = 365;
  var LOG_RATE_LOW = -Math.log(1000);
  var LOG_RATE_HIGH = DAYS_IN_YEAR * Math.log(1000);
  var STEPS = 200;
  var SHOWN_MAX = 10000;
  var MAX_DAYS = 36500;
  var DAY_MS = 86400000;

  /* ---- pure functions (mirror hooks/engine/loan_rate.py) ---- */

  function parseDay(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!m) return null;
    var t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    var d = new Date(t);
    if (d.getUTCMonth() !== +m[2] - 1) return null;
    return Math.round(t / DAY_MS); /* days since 1970-01-01 */
  }

  function addMonths(day, months) {
    var d = new Date(day * DAY_MS);
    var index = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
    var year = Math.floor(index / 12), month = index - year * 12;
    var last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return Math.round(Date.UTC(year, month, Math.min(d.getUTCDate(), last)) / DAY_MS);
  }

  function expand(amount, first, count, every, unit) {
    var out = [];
    for (var i = 0; i < count; i++) {
      var step = i * every;
      out.push({ day: unit === "months" ? addMonths(first, step) : first + step, amount: amount });
    }
    return out;
  }

  function problems(contract, received, loanDay, payments) {
    var found = [];
    if (received === null || !isFinite(received) || received <= 0) found.push("received-missing");
    else if (contract !== null && isFinite(contract) && received > contract) found.push("received-above-contract");
    if (contract !== null && (!isFinite(contract) || contract <= 0)) found.push("contract-invalid");
    if (loanDay === null) found.push("date-missing");
    var total = 0;
    payments.forEach(function (p) { total += p.amount; });
    if (!payments.length || !(total > 0)) found.push("schedule-empty");
    else if (payments.some(function (p) { return !isFinite(p.amount) || p.amount < 0; })) found.push("amount-invalid");
    else if (loanDay !== null && payments.some(function (p) { return p.day < loanDay; })) found.push("payment-before-loan");
    else if (loanDay !== null && payments.every(function (p) { return p.day === loanDay; })) found.push("schedule-same-day");
    else if (loanDay !== null && payments.some(function (p) { return p.day - loanDay > MAX_DAYS; })) found.push("payment-too-late");
    return found;
  }

  function presentValue(flows, logRate) {
    var total = 0;
    for (var i = 0; i < flows.length; i++) total += flows[i][1] * Math.exp(-logRate * flows[i][0] / DAYS_IN_YEAR);
    return total;
  }

  function logAnnualRate(received, flows) {
    var low = LOG_RATE_LOW, high = LOG_RATE_HIGH;
    for (var i = 0; i < STEPS; i++) {
      var middle = (low + high) / 2;
      if (presentValue(flows, middle) > received) low = middle; else high = middle;
    }
    return (low + high) / 2;
  }

  function expm1(x) { return x < 709 ? Math.expm1(x) : Infinity; }

  function annualRates(received, loanDay, payments) {
    var flows = payments.map(function (p) { return [p.day - loanDay, p.amount]; });
    var logRate = logAnnualRate(received, flows);
    var later = {}, count = 0, last = 0, paid = 0;
    flows.forEach(function (f) {
      paid += f[1];
      if (f[0] > 0 && f[1] > 0 && !later[f[0]]) { later[f[0]] = true; count++; last = Math.max(last, f[0]); }
    });
    var period = last / count;
    return {
      logRate: logRate,
      ear: expm1(logRate),
      apr: expm1(logRate * period / DAYS_IN_YEAR) * DAYS_IN_YEAR / period,
      periodDays: period,
      paid: paid,
      extra: paid - received
    };
  }

  function percentText(rate, lang) {
    if (!isFinite(rate) || rate > SHOWN_MAX) return lang === "zh" ? "超过 1,000,000%" : "over 1,000,000%";
    if (Math.abs(rate) < 0.00005) rate = 0;
    return moneyText(rate * 100) + "%";
  }

  function moneyText(amount) {
    return amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  window.loanRate = {
    parseDay: parseDay, addMonths: addMonths, expand: expand, problems: problems,
    annualRates: annualRates, percentText: percentText, moneyText: moneyText
  };

  /* ---- the form ---- */

  function parseNumber(text) {
    var clean = (text || "").replace(/[\s,，]/g, "").replace(/[０-９．]/g, function (c) {
      return c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    });
    if (clean === "") return null;
    return /^-?\d*\.?\d+$|^-?\d+\.$/.test(clean) ? parseFloat(clean) : NaN;
  }

  function setError(holder, text) {
    var p = holder.querySelector(":scope > .loan-calc__error");
    var inputs = holder.querySelectorAll("input");
    p.textContent = text || "";
    p.hidden = !text;
    for (var i = 0; i < inputs.length; i++) {
      if (text) { inputs[i].setAttribute("aria-invalid", "true"); inputs[i].setAttribute("aria-describedby", p.id); }
      else { inputs[i].removeAttribute("aria-invalid"); inputs[i].removeAttribute("aria-describedby"); }
    }
  }

  var ERROR_FIELD = {
    "received-missing": "received", "received-above-contract": "received", "contract-invalid": "contract",
    "date-missing": "loan_date", "schedule-empty": "schedule", "amount-invalid": "schedule",
    "payment-before-loan": "schedule", "schedule-same-day": "schedule", "payment-too-late": "schedule"
  };

  function setUp(app) {
    var labels = JSON.parse(app.getAttribute("data-labels"));
    var law = JSON.parse(app.getAttribute("data-law"));
    var lang = app.getAttribute("data-lang");
    var form = app.querySelector("form");
    var list = app.querySelector("[data-rows]");
    var template = app.querySelector("[data-row-template]");
    var result = app.querySelector("[data-result]");
    var serial = 0;
    var given = []; /* what the reader entered, for the copied text */

    function uniqueIds(root) {
      var errors = root.querySelectorAll(".loan-calc__error");
      for (var i = 0; i < errors.length; i++) errors[i].id = "loan-calc-error-" + (++serial);
    }

    function renumber() {
      var rows = list.children;
      for (var i = 0; i < rows.length; i++) {
        rows[i].setAttribute("aria-label", labels.row.replace("{n}", String(i + 1)));
        rows[i].querySelector("[data-remove-row]").hidden = rows.length === 1;
      }
    }

    function addRow() {
      var row = template.content.firstElementChild.cloneNode(true);
      list.appendChild(row);
      uniqueIds(row);
      renumber();
      return row;
    }

    uniqueIds(form);
    addRow();
    app.hidden = false;

    app.querySelector("[data-add-row]").addEventListener("click", function () {
      addRow().querySelector("input").focus();
    });
    list.addEventListener("click", function (event) {
      var button = event.target.closest("[data-remove-row]");
      if (!button) return;
      list.removeChild(button.closest("li"));
      renumber();
    });

    function field(name) { return app.querySelector('[data-field="' + name + '"]'); }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var fields = app.querySelectorAll("[data-field], .loan-calc__row");
      for (var i = 0; i < fields.length; i++) setError(fields[i], "");
      var contract = parseNumber(form.elements.contract.value);
      var received = parseNumber(form.elements.received.value);
      var loanDay = parseDay(form.elements.loan_date.value);
      var lpr = parseNumber(form.elements.lpr.value);
      var payments = [], bad = false;
      var rows = list.children;
      for (var r = 0; r < rows.length; r++) {
        var row = rows[r];
        var amountText = row.querySelector('[name="amount"]').value;
        var dateText = row.querySelector('[name="date"]').value;
        if (!amountText.trim() && !dateText) continue;
        var amount = parseNumber(amountText), first = parseDay(dateText);
        var count = parseInt(row.querySelector('[name="count"]').value, 10);
        var every = parseInt(row.querySelector('[name="every"]').value, 10);
        if (amount === null || first === null || isNaN(amount) || !(count >= 1) || !(every >= 1) || count > 1200) {
          setError(row, labels["error_row-incomplete"]);
          bad = true;
          continue;
        }
        if (loanDay !== null && first < loanDay) {
          setError(row, labels["error_payment-before-loan"]);
          bad = true;
          continue;
        }
        payments = payments.concat(expand(amount, first, count, every, row.querySelector('[name="unit"]').value));
      }
      var found = problems(contract, received === null ? null : received, loanDay, payments);
      var shown = {};
      found.forEach(function (code) {
        var name = ERROR_FIELD[code];
        if (name === "schedule" && bad) return;
        if (!shown[name]) { setError(field(name), labels["error_" + code]); shown[name] = true; }
      });
      if (lpr !== null && !(lpr > 0)) { setError(field("lpr"), labels["error_lpr-invalid"]); found.push("lpr-invalid"); }
      if (found.length || bad) {
        result.hidden = true;
        var first = app.querySelector('[aria-invalid="true"]');
        if (first) first.focus();
        return;
      }
      given = [];
      if (contract !== null) given.push(labels.contract + ": " + moneyText(contract));
      given.push(labels.received + ": " + moneyText(received));
      given.push(labels.loan_date + ": " + form.elements.loan_date.value);
      given.push(labels.repayments + ":");
      payments.slice().sort(function (a, b) { return a.day - b.day; }).forEach(function (p) {
        given.push("  " + new Date(p.day * DAY_MS).toISOString().slice(0, 10) + "  " + moneyText(p.amount));
      });
      show(contract, received, loanDay, payments, lpr);
    });

    function out(name, text) {
      var cells = result.querySelectorAll('[data-out="' + name + '"]');
      for (var i = 0; i < cells.length; i++) cells[i].textContent = text;
      var rowCells = result.querySelectorAll("[data-" + name + "-row]");
      for (var j = 0; j < rowCells.length; j++) rowCells[j].hidden = text === null;
    }

    function show(contract, received, loanDay, payments, lpr) {
      var rates = annualRates(received, loanDay, payments);
      out("apr", percentText(rates.apr, lang));
      out("ear", Math.abs(rates.ear - rates.apr) < 0.005 ? null : percentText(rates.ear, lang));
      out("paid", moneyText(rates.paid));
      out("extra", moneyText(rates.extra));
      out("deducted", contract !== null && contract > received ? moneyText(contract - received) : null);
      if (lpr !== null) {
        var line = lpr * 4 / 100;
        out("line", percentText(line, lang) + " — " + (rates.apr > line ? labels.above_line : labels.not_above_line));
      } else {
        out("line", null);
      }
      result.hidden = false;
      result.querySelector("[data-copied]").textContent = "";
      result.querySelector("[data-copy-text]").hidden = true;
    }

    function resultText() {
      var lines = given.concat(["", labels.result_heading]);
      var terms = result.querySelectorAll("dt");
      for (var i = 0; i < terms.length; i++) {
        if (terms[i].hidden) continue;
        lines.push(terms[i].textContent + ": " + terms[i].nextElementSibling.textContent);
      }
      lines.push("", labels.convention, "", labels.law_heading);
      law.forEach(function (point) { lines.push("- " + point); });
      return lines.join("\n");
    }

    result.querySelector("[data-copy]").addEventListener("click", function () {
      var text = resultText();
      var status = result.querySelector("[data-copied]");
      var box = result.querySelector("[data-copy-text]");
      function fallback() {
        box.value = text;
        box.hidden = false;
        box.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        status.textContent = ok ? labels.copied : labels.copy_failed;
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { status.textContent = labels.copied; }, fallback);
      } else {
        fallback();
      }
    });
  }

  var apps = document.querySelectorAll("[data-loan-calculator]");
  for (var i = 0; i < apps.length; i++) setUp(apps[i]);
})();
