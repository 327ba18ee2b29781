// window.sago for the web host: the same SagoApi the Electron preload exposes, spoken over the loopback bridge
// (POST /ipc/<channel> with the launch token, GET /events as Server-Sent Events). Served as /sago-shim.js and loaded
// as a classic script before the renderer's module script, so window.sago exists when the app starts. Same-origin
// only, which the renderer's CSP (script-src 'self'; connect-src 'self') allows. Plain JavaScript on purpose: it is
// served as is, never bundled (only its two lists are filled in when it is served).
(function () {
  'use strict';

  // Filled in by the web host as it serves this file, from src/shared/ipc/channels.ts (static-files.ts, fillShim):
  // adding a channel edits its area only, never this file.
  var CHANNELS = [];
  var EVENTS = [];
  var TOKEN_KEY = 'sago-web-host-token';

  /** The launch token from ?token=… (then kept in sessionStorage and removed from the address bar). */
  function readToken() {
    var params = new URLSearchParams(window.location.search);
    var fromUrl = params.get('token');
    if (fromUrl) {
      window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
      params.delete('token');
      var query = params.toString();
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + (query ? '?' + query : '') + window.location.hash,
      );
      return fromUrl;
    }
    return window.sessionStorage.getItem(TOKEN_KEY) || '';
  }

  var token = readToken();

  function refused(status) {
    var code = status === 401 || status === 403 ? 'not_allowed' : 'internal';
    return {
      ok: false,
      error: {
        code: code,
        message: 'El servidor local rechazó la solicitud (HTTP ' + status + '). Recargue la página.',
      },
    };
  }

  /** Resolves to the IpcResult; rejects only when the host cannot be reached (like ipcRenderer.invoke when main is gone). */
  function invoke(channel, request) {
    return window
      .fetch('/ipc/' + channel, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sago-token': token },
        body: JSON.stringify(request === undefined ? {} : request),
        cache: 'no-store',
        credentials: 'same-origin',
      })
      .then(function (response) {
        return response.ok ? response.json() : refused(response.status);
      });
  }

  var source = null;
  function events() {
    if (!source) source = new window.EventSource('/events?token=' + encodeURIComponent(token));
    return source;
  }

  function on(event, listener) {
    if (EVENTS.indexOf(event) < 0) throw new Error('Unknown event: ' + event);
    var forward = function (message) {
      listener(JSON.parse(message.data));
    };
    events().addEventListener(event, forward);
    return function () {
      if (source) source.removeEventListener(event, forward);
    };
  }

  var api = { on: on };
  CHANNELS.forEach(function (channel) {
    var parts = channel.split(':');
    var domain = parts[0];
    var verb = parts[1];
    if (!api[domain]) api[domain] = {};
    api[domain][verb] = function (request) {
      return invoke(channel, request);
    };
  });
  Object.keys(api).forEach(function (key) {
    Object.freeze(api[key]);
  });
  Object.defineProperty(window, 'sago', { value: Object.freeze(api), writable: false, configurable: false });
})();
