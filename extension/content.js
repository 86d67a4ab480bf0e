// Injected into the job page when the popup opens (activeTab: only the tab the user
// clicked on, only then). Reads the page's schema.org JobPosting from its JSON-LD, else
// the selection, the title and the address. Its last value is what the popup receives.
(() => {
  "use strict";

  const isType = (node, wanted) => {
    const types = [].concat(node && node["@type"] || []);
    return types.some((t) => typeof t === "string" && t.split(/[/:#]/).pop().toLowerCase() === wanted);
  };

  // Every object in a JSON-LD value: top-level lists, @graph, nested mainEntity...
  const walk = (value, found) => {
    if (Array.isArray(value)) value.forEach((v) => walk(v, found));
    else if (value && typeof value === "object") {
      found.push(value);
      Object.values(value).forEach((v) => { if (v && typeof v === "object") walk(v, found); });
    }
    return found;
  };

  const first = (value) => (Array.isArray(value) ? first(value[0]) : value);
  const text = (value) => {
    value = first(value);
    if (value && typeof value === "object") value = first(value.name);
    if (value === undefined || value === null || typeof value === "object") return "";
    const el = document.createElement("textarea");
    el.innerHTML = String(value); // decodes entities; a textarea never runs markup
    return el.value.replace(/\s+/g, " ").trim();
  };

  const nodes = [];
  const broken = [];
  document.querySelectorAll('script[type="application/ld+json"]').forEach((script, i) => {
    try {
      walk(JSON.parse(script.textContent), nodes);
    } catch (err) {
      broken.push(i + 1);
    }
  });
  const ids = new Map(nodes.filter((n) => typeof n["@id"] === "string").map((n) => [n["@id"], n]));
  const resolve = (v) => (v && typeof v === "object" && v["@id"] && Object.keys(v).length <= 2 ? ids.get(v["@id"]) || v : v);

  const place = (value) => {
    value = resolve(first(value));
    if (typeof value === "string") return text(value);
    if (!value || typeof value !== "object") return "";
    const address = resolve(first(value.address));
    if (typeof address === "string") return text(address);
    if (!address) return text(value.name);
    const parts = [address.addressLocality, address.addressRegion, address.addressCountry].map(text).filter(Boolean);
    return [...new Set(parts)].join(", ");
  };

  const here = location.href.split("#")[0].replace(/\/$/, "");
  const postings = nodes.filter((n) => isType(n, "jobposting"));
  const posting =
    postings.find((p) => [].concat(p.url || [], p["@id"] || []).some((u) => {
      try { return new URL(u, location.href).href.split("#")[0].replace(/\/$/, "") === here; } catch (e) { return false; }
    })) || postings[0];

  const result = {
    url: location.href.split("#")[0],
    title: document.title.replace(/\s+/g, " ").trim(),
    siteName: (document.querySelector('meta[property="og:site_name"]') || {}).content || location.hostname.replace(/^www\./, ""),
    selection: String(window.getSelection() || "").trim().slice(0, 20000),
    found: posting ? "JSON-LD JobPosting" : "",
    postings: postings.length,
    broken,
    // For Rebound to read when the page has no JSON-LD: it may sit behind a login that
    // Rebound's own fetch of the address cannot pass.
    html: document.documentElement.outerHTML.slice(0, 2000000),
  };
  if (posting) {
    const locations = [].concat(posting.jobLocation || []).map(place).filter(Boolean);
    const remote = [].concat(posting.jobLocationType || []).some((k) => String(k).toUpperCase() === "TELECOMMUTE");
    result.company = text(resolve(first(posting.hiringOrganization)));
    result.role = text(posting.title || posting.name);
    result.location = [...new Set(locations)].join(" / ") || (remote ? "Remote" : "");
    result.remote = remote;
    result.description = typeof posting.description === "string" ? posting.description : "";
  } else {
    const ogTitle = (document.querySelector('meta[property="og:title"]') || {}).content || "";
    result.role = (ogTitle || result.title).replace(/\s+/g, " ").trim();
    result.company = "";
    result.location = "";
    result.description = result.selection;
  }
  return result;
})();
