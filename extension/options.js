// Stores the server and token, and asks at run time for the one host permission needed.
"use strict";

const $ = (id) => document.getElementById(id);

function say(message, error = false) {
  $("status").textContent = message;
  $("status").classList.toggle("error", error);
}

async function load() {
  const { server, token } = await rebound.settings();
  // Only into fields still empty: what was typed while storage answered stays.
  if (!$("server").value) $("server").value = server;
  if (!$("token").value) $("token").value = token;
}

$("options").addEventListener("submit", async (event) => {
  event.preventDefault();
  let server;
  try {
    const url = new URL($("server").value.trim());
    if (!/^https?:$/.test(url.protocol)) throw new Error();
    server = url.origin + url.pathname.replace(/\/+$/, "");
  } catch (err) {
    say("Enter the address you open Rebound at, like https://rebound.example.org.", true);
    return;
  }
  const token = $("token").value.trim();
  if (!/^[0-9a-f]{40}$/i.test(token)) {
    say("The token is 40 letters and digits: copy it from Rebound's Settings → API token.", true);
    return;
  }
  // Must run in the click's own turn: the browser allows the prompt only for a user action.
  const granted = await chrome.permissions.request({ origins: [new URL(server).origin + "/*"] });
  if (!granted) {
    say("Without access to that address the extension cannot save anything. Press Save again to allow it.", true);
    return;
  }
  await chrome.storage.local.set({ server, token });
  try {
    await rebound.call("/api/applications/?page_size=1");
    say("Saved. Rebound answered and accepted the token.");
  } catch (err) {
    say(`Saved, but: ${err.message}`, true);
  }
});

load();
