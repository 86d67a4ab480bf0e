// The toolbar popup: reads the job from the tab, shows it pre-filled, saves it through
// Rebound's API. Opened as popup.html?tab=ID it works on that tab (tests, or a pinned tab).
"use strict";

const $ = (id) => document.getElementById(id);
let page = null;

function say(message, { error = false } = {}) {
  $("status").textContent = message;
  $("status").classList.toggle("error", error);
  $("status").hidden = !message;
}

function warn(appliedBefore, server) {
  const box = $("warning");
  box.replaceChildren();
  for (const before of appliedBefore) {
    const p = document.createElement("p");
    const link = document.createElement("a");
    link.href = `${server}/applications/${before.application}/`;
    link.target = "_blank";
    link.textContent = before.message;
    p.append(link);
    if (before.contact_name) p.append(` ${before.contact_name} is the person to mention.`);
    box.append(p);
  }
  box.hidden = appliedBefore.length === 0;
}

// This very job is already in Rebound: say which application it is, and offer to mark
// it applied (from the wishlist) or to open it, rather than save it a second time.
function offerTracked(tracked, server) {
  $("tracked-text").textContent = `Already in Rebound: ${tracked.role} at ${tracked.company}. ${tracked.message}`;
  $("tracked-open").href = `${server}/applications/${tracked.application}/`;
  $("mark-applied").hidden = tracked.stage !== "wishlist";
  $("mark-applied").onclick = () => markApplied(tracked, server);
  $("tracked").hidden = false;
  $("save").textContent = "Save it again, as another application";
  $("save").classList.add("secondary");
}

async function markApplied(tracked, server) {
  $("mark-applied").disabled = true;
  try {
    await rebound.call(`/api/applications/${tracked.application}/`, { method: "PATCH", body: { stage: "applied" } });
    $("tracked").hidden = true;
    $("form").hidden = true;
    $("warning").hidden = true;
    const done = $("done");
    done.replaceChildren(`Marked applied: ${tracked.role} at ${tracked.company}. `);
    const link = document.createElement("a");
    link.href = `${server}/applications/${tracked.application}/`;
    link.target = "_blank";
    link.textContent = "Open it in Rebound";
    done.append(link);
    done.hidden = false;
    say("");
  } catch (err) {
    say(err.message, { error: true });
    showFieldErrors(err.fields);
  } finally {
    $("mark-applied").disabled = false;
  }
}

async function targetTab() {
  const wanted = new URLSearchParams(location.search).get("tab");
  if (wanted) return chrome.tabs.get(Number(wanted));
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function readPage(tab) {
  if (!tab || !/^https?:/.test(tab.url || "")) {
    throw new Error("Open a job posting in this tab first: this page is not a web page.");
  }
  const [injection] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ["content.js"] });
  return injection.result;
}

async function checkServer(server) {
  const origin = new URL(server).origin + "/*";
  if (!(await chrome.permissions.contains({ origins: [origin] }))) {
    throw new Error(`This extension may not talk to ${server} yet: open Settings and press Save to allow it.`);
  }
}

function fill(found) {
  $("company").value = found.company || "";
  $("role").value = found.role || "";
  $("location").value = found.location || "";
  if (found.found) {
    $("found").textContent = `Read from the page's ${found.found}` + (found.postings > 1 ? ` (${found.postings} on the page; check it is this one).` : ".");
  } else {
    $("found").textContent = "This page has no job data: the role is its title. Check the fields.";
  }
  $("form").hidden = false;
}

function showFieldErrors(fields) {
  const box = $("errors");
  box.replaceChildren();
  for (const [name, messages] of Object.entries(fields || {})) {
    const p = document.createElement("p");
    p.textContent = `${name === "non_field_errors" ? "" : name + ": "}${[].concat(messages).join(" ")}`;
    box.append(p);
  }
  box.hidden = !box.childElementCount;
}

async function save(event) {
  event.preventDefault();
  $("save").disabled = true;
  $("errors").hidden = true;
  const stage = $("stage").value;
  const today = new Date();
  const body = {
    company: $("company").value.trim(),
    role: $("role").value.trim(),
    location: $("location").value.trim(),
    url: page.url.slice(0, 500),
    stage,
    description: (page.description || "").slice(0, 50000),
  };
  if (stage === "applied") {
    body.applied_on = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
  }
  try {
    const created = await rebound.call("/api/applications/", { method: "POST", body });
    const { server } = await rebound.settings();
    $("form").hidden = true;
    $("tracked").hidden = true;
    const done = $("done");
    done.replaceChildren("Saved. ");
    const link = document.createElement("a");
    link.href = `${server}/applications/${created.id}/`;
    link.target = "_blank";
    link.textContent = "Open it in Rebound";
    done.append(link);
    done.hidden = false;
    say("");
    warn(created.applied_before || [], server);
  } catch (err) {
    say(err.message, { error: true });
    showFieldErrors(err.fields);
  } finally {
    $("save").disabled = false;
  }
}

// No JSON-LD in the page: Rebound itself reads the page the tab holds (microdata, the
// title in its board's shape, the address), even one behind a login.
async function readOnServer() {
  let draft;
  try {
    draft = await rebound.call("/api/applications/from-url/", { method: "POST", body: { url: page.url.slice(0, 500), page_html: page.html || "" } });
  } catch (err) {
    if (err.fields) return; // Rebound could not fetch or read it: keep what the tab gave.
    throw err;
  }
  const posting = draft.posting;
  const structured = Object.values(posting.sources).find((s) => s.includes("JobPosting"));
  // Without structured data the tab gave only its title as the role; Rebound's reading
  // splits it by the board's shapes. What the user typed meanwhile stays.
  for (const name of ["company", "role", "location"]) {
    if (posting[name] && !$(name).dataset.edited) $(name).value = posting[name];
  }
  if (posting.description && !page.selection) page.description = posting.description;
  if (structured) page.found = structured;
  $("found").textContent = structured
    ? `Rebound read the page's ${structured}.`
    : "This page has no job data: Rebound read the fields from its title and address. Check them.";
}

async function main() {
  $("form").addEventListener("submit", save);
  for (const name of ["company", "role", "location"]) {
    $(name).addEventListener("input", () => { $(name).dataset.edited = "yes"; });
  }
  try {
    const tab = await targetTab();
    page = await readPage(tab);
    fill(page);
    say("");
  } catch (err) {
    say(err.message || "Could not read this page.", { error: true });
    return;
  }
  // The page is read whatever the server says; then the server is asked about it.
  try {
    const { server } = await rebound.settings();
    if (!server) throw new Error("Set your Rebound server and API token in Settings first.");
    await checkServer(server);
    if (!page.found) await readOnServer();
    const query = new URLSearchParams({ company: $("company").value, url: page.url.slice(0, 500), role: $("role").value });
    const before = await rebound.call(`/api/applications/applied-before/?${query}`);
    const tracked = before.find((b) => b.same_job);
    if (tracked) offerTracked(tracked, server);
    warn(before.filter((b) => b !== tracked), server);
  } catch (err) {
    if (!err.fields) say(err.message, { error: true });
  }
}

main();
