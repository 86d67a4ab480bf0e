// Talks to the Rebound server with the token from the options page. Every failure comes
// back as an Error whose message says plainly what to do about it.
"use strict";

const rebound = {
  async settings() {
    const { server = "", token = "" } = await chrome.storage.local.get(["server", "token"]);
    return { server: server.replace(/\/+$/, ""), token };
  },

  async call(path, { method = "GET", body } = {}) {
    const { server, token } = await rebound.settings();
    if (!server || !token) {
      throw new Error("Set your Rebound server and API token in Settings first.");
    }
    let response;
    try {
      response = await fetch(server + path, {
        method,
        credentials: "omit",
        headers: {
          Authorization: `Token ${token}`,
          Accept: "application/json",
          ...(body ? { "Content-Type": "application/json" } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (err) {
      throw new Error(`Cannot reach Rebound at ${server}. Is the server running, and the address in Settings right?`);
    }
    if (response.status === 401 || response.status === 403) {
      throw new Error("Rebound refused the API token. Copy it again from Settings → API token in Rebound, and paste it in this extension's Settings.");
    }
    let data = null;
    try {
      data = await response.json();
    } catch (err) {
      throw new Error(`${server} answered, but not as Rebound does (${response.status}). Check the address in Settings.`);
    }
    if (response.status === 400) {
      const error = new Error("Rebound could not save it:");
      error.fields = data;
      throw error;
    }
    if (!response.ok) throw new Error(`Rebound answered ${response.status}. Try again in a moment.`);
    return data;
  },
};
