/*
 * The local Forge bridge, injected as the first script of every Custom UI resource page.
 * It defines `window.__bridge.callBridge(cmd, payload)` in the iframe's own realm (so payloads
 * that carry functions — onClose, flag actions, event callbacks, history listeners — keep
 * working) and talks to the host over two channels:
 *   - `POST /__forge/rpc` for invoke, fetchProduct, submit (identity = the shell's cookie only);
 *   - `postMessage` to the parent shell for flags, modals, navigation, events, theme and size.
 * `window.__forgeLocal` (set just before this code) carries the signed frame token and context.
 */
(function () {
  'use strict';
  var cfg = window.__forgeLocal;
  var origin = window.location.origin;
  var nativeFetch = window.fetch.bind(window);
  var colorMode = (cfg.context.theme && cfg.context.theme.colorMode) || 'light';
  var themingEnabled = false;
  var listeners = {};
  var flagActions = {};
  var modalCallbacks = {};
  var closeHandlers = [];
  var historyListeners = [];
  var historyLocation = makeLocation(cfg.historyPath || '/');
  var seq = 0;

  function bridgeError(message, details) {
    var err = new Error(message);
    err.name = 'BridgeAPIError';
    if (details) err.details = details;
    return err;
  }

  function post(msg) {
    msg.__jmForge = true;
    msg.frameId = cfg.frameId;
    if (window.parent && window.parent !== window) window.parent.postMessage(msg, origin);
  }

  function clone(value) {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }

  function rpc(cmd, payload) {
    return nativeFetch(cfg.rpcUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token: cfg.token,
        cmd: cmd,
        payload: payload === undefined ? null : payload,
      }),
    })
      .then(function (res) {
        return res.json().catch(function () {
          throw bridgeError(
            'Local host answered ' + res.status + ' without JSON for "' + cmd + '".',
          );
        });
      })
      .then(function (body) {
        if (!body || body.ok !== true) {
          var e = (body && body.error) || {};
          throw bridgeError(e.message || 'Local host failed on "' + cmd + '".', e);
        }
        return body.data;
      });
  }

  function contextNow() {
    var ctx = clone(cfg.context);
    ctx.theme = Object.assign({}, ctx.theme || {}, { colorMode: colorMode });
    return ctx;
  }

  // ---- theme ---------------------------------------------------------------------------------
  function applyTheme() {
    if (!themingEnabled) return;
    var html = document.documentElement;
    html.setAttribute('data-theme', cfg.themeAttr);
    html.setAttribute('data-color-mode', colorMode);
    var head = document.head || html;
    cfg.tokenSheets.forEach(function (href) {
      if (head.querySelector('link[data-jm-tokens="' + href + '"]')) return;
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.setAttribute('data-jm-tokens', href);
      head.appendChild(link);
    });
  }

  // ---- navigation ----------------------------------------------------------------------------
  function urlFor(loc) {
    if (typeof loc === 'string') return absolute(loc);
    if (!loc || typeof loc !== 'object') throw bridgeError('A navigation location is required.');
    if (typeof loc.url === 'string') return absolute(loc.url);
    var spaceKey = loc.spaceKey || (cfg.context.extension.space && cfg.context.extension.space.key);
    switch (loc.target) {
      case 'contentView':
      case 'contentEdit':
        if (!loc.contentId) throw bridgeError(loc.target + ' needs a contentId.');
        return absolute(
          '/wiki/pages/viewpage.action?pageId=' + encodeURIComponent(String(loc.contentId)),
        );
      case 'spaceView':
      case 'contentList':
        if (!spaceKey) throw bridgeError(loc.target + ' needs a spaceKey.');
        return absolute('/wiki/spaces/' + encodeURIComponent(spaceKey));
      case 'module':
        if (loc.moduleKey !== cfg.spacePage.moduleKey) {
          throw bridgeError('The local host knows no page for module "' + loc.moduleKey + '".');
        }
        if (!spaceKey) throw bridgeError('module navigation needs a spaceKey here.');
        return absolute(
          '/wiki/spaces/' + encodeURIComponent(spaceKey) + '/apps/' + cfg.spacePage.route,
        );
      case 'userProfile':
        return absolute('/wiki/people/' + encodeURIComponent(String(loc.accountId || '')));
      default:
        throw bridgeError(
          'Navigation target "' + loc.target + '" is not supported by the local host.',
        );
    }
  }

  function absolute(url) {
    var u = new URL(String(url), origin + '/');
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      throw bridgeError('Only http(s) URLs can be navigated to.');
    }
    return u.href;
  }

  // ---- history (for the space page's own routes) ---------------------------------------------
  function makeLocation(path) {
    var u = new URL(path.charAt(0) === '/' ? path : '/' + path, 'http://x');
    return {
      pathname: u.pathname,
      search: u.search,
      hash: u.hash,
      state: null,
      key: String(++seq),
    };
  }

  function setHistory(to, state, replace) {
    var path =
      typeof to === 'string' ? to : (to.pathname || '/') + (to.search || '') + (to.hash || '');
    historyLocation = makeLocation(path);
    historyLocation.state = state === undefined ? null : state;
    history.location = historyLocation;
    history.action = replace ? 'REPLACE' : 'PUSH';
    post({ type: 'history', path: path, replace: !!replace });
    notifyHistory(history.action);
  }

  function notifyHistory(action) {
    historyListeners.slice().forEach(function (fn) {
      fn(historyLocation, action);
    });
  }

  var history = {
    action: 'POP',
    location: historyLocation,
    listen: function (fn) {
      historyListeners.push(fn);
      return function () {
        historyListeners = historyListeners.filter(function (f) {
          return f !== fn;
        });
      };
    },
    push: function (to, state) {
      setHistory(to, state, false);
    },
    replace: function (to, state) {
      setHistory(to, state, true);
    },
    go: function (n) {
      post({ type: 'historyGo', delta: n });
    },
    back: function () {
      post({ type: 'historyGo', delta: -1 });
    },
    forward: function () {
      post({ type: 'historyGo', delta: 1 });
    },
    block: function () {
      return function () {};
    },
    createHref: function (to) {
      return typeof to === 'string'
        ? to
        : (to.pathname || '/') + (to.search || '') + (to.hash || '');
    },
  };

  // ---- events ----------------------------------------------------------------------------------
  function subscribe(scope, event, callback) {
    var key = scope + ':' + event;
    (listeners[key] = listeners[key] || []).push(callback);
    return {
      unsubscribe: function () {
        listeners[key] = (listeners[key] || []).filter(function (f) {
          return f !== callback;
        });
      },
    };
  }

  // ---- commands ------------------------------------------------------------------------------
  var commands = {
    getContext: function () {
      return contextNow();
    },
    invoke: function (p) {
      return rpc('invoke', p);
    },
    fetchProduct: function (p) {
      return rpc('fetchProduct', p);
    },
    submit: function (p) {
      if (cfg.modalId) return closeModal(p);
      return rpc('submit', p).then(function () {
        // The new config is in the page body: re-render the page so the frame gets it.
        post({ type: 'reload' });
        return true;
      });
    },
    close: function (p) {
      if (cfg.modalId) return closeModal(p);
      return false;
    },
    onClose: function (fn) {
      if (typeof fn === 'function') closeHandlers.push(fn);
      return true;
    },
    open: function () {
      return false;
    },
    refresh: function (p) {
      post({ type: 'refresh', payload: clone(p) });
      return true;
    },
    reload: function () {
      post({ type: 'reload' });
    },
    createHistory: function () {
      return history;
    },
    enableTheming: function () {
      themingEnabled = true;
      applyTheme();
    },
    changeWindowTitle: function (title) {
      post({ type: 'title', title: String(title) });
    },
    navigate: function (loc) {
      var url = urlFor(loc);
      post({ type: 'navigate', url: url, newTab: loc && loc.type === 'new-tab' });
    },
    getUrl: function (loc) {
      return urlFor(loc);
    },
    showFlag: function (opts) {
      if (!opts || !opts.id) throw bridgeError('"id" must be defined in flag options');
      var id = String(opts.id);
      flagActions[id] = opts.actions || [];
      post({
        type: 'showFlag',
        flag: {
          id: id,
          title: opts.title == null ? '' : String(opts.title),
          description: opts.description == null ? '' : String(opts.description),
          type: opts.type || 'info',
          appearance: opts.appearance || null,
          isAutoDismiss: !!opts.isAutoDismiss,
          actions: (opts.actions || []).map(function (a) {
            return String(a && a.text);
          }),
        },
      });
      return true;
    },
    closeFlag: function (p) {
      post({ type: 'closeFlag', id: String(p && p.id) });
      return true;
    },
    openModal: function (opts) {
      opts = opts || {};
      var modalId = cfg.frameId + '-m' + ++seq;
      return rpc('modalToken', {
        resource: opts.resource || null,
        context: clone(opts.context) || {},
      }).then(function (res) {
        modalCallbacks[modalId] = typeof opts.onClose === 'function' ? opts.onClose : null;
        post({
          type: 'openModal',
          modal: {
            id: modalId,
            src:
              res.src +
              '&__f=' +
              encodeURIComponent(modalId) +
              '&__m=' +
              encodeURIComponent(modalId),
            size: opts.size || 'medium',
            title: opts.title ? String(opts.title) : '',
            closeOnEscape: opts.closeOnEscape !== false,
            closeOnOverlayClick: opts.closeOnOverlayClick !== false,
          },
        });
        return true;
      });
    },
    emit: function (p) {
      post({ type: 'emit', scope: 'app', event: String(p.event), payload: clone(p.payload) });
    },
    on: function (p) {
      return subscribe('app', String(p.event), p.callback);
    },
    emitPublic: function (p) {
      post({ type: 'emit', scope: 'public', event: String(p.event), payload: clone(p.payload) });
    },
    onPublic: function (p) {
      return subscribe('public', String(p.event), p.callback);
    },
    publishRealtimeChannel: function (p) {
      return rpc('realtimePublish', {
        channelName: String(p.channelName),
        eventPayload: clone(p.eventPayload),
        isGlobal: !!p.isGlobal,
        contextOverrides: p.options ? p.options.contextOverrides : undefined,
      });
    },
    subscribeRealtimeChannel: function (p) {
      var url =
        cfg.realtimeUrl +
        '?t=' +
        encodeURIComponent(cfg.token) +
        '&channel=' +
        encodeURIComponent(String(p.channelName)) +
        '&global=' +
        (p.isGlobal ? '1' : '0') +
        (p.options && Array.isArray(p.options.contextOverrides)
          ? '&overrides=' + encodeURIComponent(p.options.contextOverrides.join(','))
          : '');
      return new Promise(function (resolve, reject) {
        var source = new EventSource(url);
        var opened = false;
        source.onopen = function () {
          opened = true;
          resolve({
            unsubscribe: function () {
              source.close();
              return Promise.resolve();
            },
          });
        };
        source.onerror = function () {
          source.close();
          if (!opened) {
            reject(bridgeError('Could not subscribe to realtime channel "' + p.channelName + '".'));
          } else if (typeof p.onEvent === 'function') {
            // The channel dropped: the callback's second argument says so; subscribe again.
            p.onEvent(
              undefined,
              bridgeError('Realtime channel "' + p.channelName + '" disconnected.'),
            );
          }
        };
        source.onmessage = function (ev) {
          var data = JSON.parse(ev.data);
          if (typeof p.onEvent === 'function') p.onEvent(data.payload);
        };
      });
    },
    emitReadyEvent: function () {
      return undefined;
    },
    getFrameId: function () {
      return cfg.frameId;
    },
  };

  function closeModal(payload) {
    closeHandlers.slice().forEach(function (fn) {
      try {
        fn();
      } catch (e) {
        console.error(e);
      }
    });
    post({ type: 'closeModal', modalId: cfg.modalId, payload: clone(payload) });
    return true;
  }

  window.__bridge = {
    callBridge: function (cmd, payload) {
      var handler = Object.prototype.hasOwnProperty.call(commands, cmd) ? commands[cmd] : null;
      if (!handler) {
        return Promise.reject(
          bridgeError(
            'The local Forge host does not support the bridge command "' + String(cmd) + '".',
          ),
        );
      }
      try {
        return Promise.resolve(handler(payload));
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };

  // ---- messages from the shell ---------------------------------------------------------------
  window.addEventListener('message', function (ev) {
    if (ev.origin !== origin || ev.source !== window.parent) return;
    var m = ev.data;
    if (!m || m.__jmForge !== true) return;
    if (m.type === 'ping') {
      // The shell's script may start after this frame: say hello again and resend the size.
      post({ type: 'hello' });
      lastHeight = -1;
      reportSize();
    } else if (m.type === 'theme') {
      colorMode = m.colorMode === 'dark' ? 'dark' : 'light';
      applyTheme();
    } else if (m.type === 'event') {
      (listeners[m.scope + ':' + m.event] || []).slice().forEach(function (fn) {
        try {
          fn(m.payload);
        } catch (e) {
          console.error(e);
        }
      });
    } else if (m.type === 'flagAction') {
      var actions = flagActions[m.id] || [];
      var action = actions[m.index];
      if (action && typeof action.onClick === 'function') action.onClick();
    } else if (m.type === 'modalClosed') {
      var cb = modalCallbacks[m.modalId];
      delete modalCallbacks[m.modalId];
      if (cb) cb(m.payload);
    } else if (m.type === 'historyPop') {
      historyLocation = makeLocation(m.path || '/');
      history.location = historyLocation;
      history.action = 'POP';
      notifyHistory('POP');
    }
  });

  // ---- auto-height: the shell sizes the iframe to the document --------------------------------
  var lastHeight = -1;
  function reportSize() {
    var body = document.body;
    if (!body) return;
    var style = window.getComputedStyle(body);
    var h = Math.ceil(
      body.getBoundingClientRect().height +
        (parseFloat(style.marginTop) || 0) +
        (parseFloat(style.marginBottom) || 0),
    );
    h = Math.max(h, body.scrollHeight);
    if (h !== lastHeight) {
      lastHeight = h;
      post({ type: 'resize', height: h });
    }
  }
  function startSizing() {
    reportSize();
    if (typeof ResizeObserver === 'function') {
      var ro = new ResizeObserver(reportSize);
      ro.observe(document.body);
      ro.observe(document.documentElement);
    }
    window.addEventListener('load', reportSize);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startSizing);
  else startSizing();
  post({ type: 'hello' });
})();
