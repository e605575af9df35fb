/*
 * The local Confluence shell's page script: the parent side of the Forge bridge. It sizes Forge
 * iframes, shows flags, opens modals, relays events between the iframes of this page, follows
 * navigation requests and switches theme and user. Messages are accepted only from our own
 * origin and from iframes this page created.
 */
(function () {
  'use strict';
  var origin = window.location.origin;
  var flagsEl = document.getElementById('jm-flags');
  var modalsEl = document.getElementById('jm-modals');
  var modals = {};

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-frame-id]'));
  }

  function frameOf(source) {
    var list = frames();
    for (var i = 0; i < list.length; i += 1) if (list[i].contentWindow === source) return list[i];
    return null;
  }

  function send(iframe, msg) {
    msg.__jmForge = true;
    if (iframe && iframe.contentWindow) iframe.contentWindow.postMessage(msg, origin);
  }

  function colorMode() {
    return document.documentElement.getAttribute('data-color-mode') === 'dark' ? 'dark' : 'light';
  }

  // ---- flags -----------------------------------------------------------------------------------
  var ICONS = { info: 'i', success: '\u2713', warning: '!', error: '\u00d7' };
  function showFlag(frame, flag) {
    closeFlag(flag.id);
    var type = ICONS[flag.type] ? flag.type : 'info';
    var el = document.createElement('div');
    el.className = 'jm-flag jm-flag-' + type;
    el.setAttribute('role', type === 'error' || type === 'warning' ? 'alert' : 'status');
    el.setAttribute('data-flag-id', flag.id);
    var icon = document.createElement('span');
    icon.className = 'jm-flag-icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = ICONS[type];
    var body = document.createElement('div');
    body.className = 'jm-flag-body';
    var title = document.createElement('div');
    title.className = 'jm-flag-title';
    title.textContent = flag.title;
    body.appendChild(title);
    if (flag.description) {
      var desc = document.createElement('div');
      desc.className = 'jm-flag-description';
      desc.textContent = flag.description;
      body.appendChild(desc);
    }
    if (flag.actions && flag.actions.length) {
      var actions = document.createElement('div');
      actions.className = 'jm-flag-actions';
      flag.actions.forEach(function (text, index) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'jm-link-button';
        b.textContent = text;
        b.addEventListener('click', function () {
          send(frame, { type: 'flagAction', id: flag.id, index: index });
        });
        actions.appendChild(b);
      });
      body.appendChild(actions);
    }
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'jm-flag-close';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '\u00d7';
    close.addEventListener('click', function () {
      closeFlag(flag.id);
    });
    el.appendChild(icon);
    el.appendChild(body);
    el.appendChild(close);
    flagsEl.insertBefore(el, flagsEl.firstChild);
    if (flag.isAutoDismiss) {
      setTimeout(function () {
        closeFlag(flag.id);
      }, 8000);
    }
  }

  function closeFlag(id) {
    var list = flagsEl.querySelectorAll('[data-flag-id]');
    for (var i = 0; i < list.length; i += 1) {
      if (list[i].getAttribute('data-flag-id') === id) list[i].remove();
    }
  }

  // ---- modals ----------------------------------------------------------------------------------
  var SIZES = {
    small: '400px',
    medium: '600px',
    large: '800px',
    xlarge: '968px',
    max: '100%',
    fullscreen: '100%',
  };
  function openModal(opener, modal) {
    var overlay = document.createElement('div');
    overlay.className = 'jm-modal-blanket';
    var dialog = document.createElement('div');
    dialog.className = 'jm-modal';
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    var size = modal.size;
    if (size && typeof size === 'object') {
      dialog.style.width = String(size.width || '600px');
      if (size.height) dialog.style.height = String(size.height);
    } else {
      dialog.style.width = SIZES[size] || SIZES.medium;
      if (size === 'fullscreen' || size === 'max') {
        // As on Confluence: the whole viewport (fullscreen: 100vw x 100vh, title in a header;
        // max: the whole host area), no blanket padding, the frame sized by the dialog, not by
        // its content.
        dialog.style.height = '100%';
        overlay.classList.add('is-' + size);
        dialog.setAttribute('data-fills', 'true');
      }
    }
    if (modal.title) {
      var h = document.createElement('h2');
      h.className = 'jm-modal-title';
      h.textContent = modal.title;
      dialog.appendChild(h);
      dialog.setAttribute('aria-label', modal.title);
    }
    var iframe = document.createElement('iframe');
    iframe.className = 'jm-forge-frame jm-modal-frame';
    iframe.setAttribute('data-frame-id', modal.id);
    iframe.setAttribute('data-modal', 'true');
    iframe.title = modal.title || 'Dialog';
    iframe.src = modal.src;
    dialog.appendChild(iframe);
    overlay.appendChild(dialog);
    overlay.addEventListener('mousedown', function (e) {
      if (e.target === overlay && modal.closeOnOverlayClick) closeModal(modal.id, undefined);
    });
    modalsEl.appendChild(overlay);
    modals[modal.id] = { opener: opener, overlay: overlay, options: modal };
  }

  function closeModal(id, payload) {
    var m = modals[id];
    if (!m) return;
    delete modals[id];
    m.overlay.remove();
    send(m.opener, { type: 'modalClosed', modalId: id, payload: payload });
  }

  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    var ids = Object.keys(modals);
    var last = ids[ids.length - 1];
    if (last && modals[last].options.closeOnEscape) closeModal(last, undefined);
  });

  // ---- navigation ------------------------------------------------------------------------------
  function safeHttpUrl(url) {
    try {
      var u = new URL(url, origin + '/');
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch {
      return null;
    }
  }

  function historyBase(frame) {
    return frame.getAttribute('data-history-base') || null;
  }

  // ---- the message pump ------------------------------------------------------------------------
  window.addEventListener('message', function (ev) {
    if (ev.origin !== origin) return;
    var m = ev.data;
    if (!m || m.__jmForge !== true) return;
    var frame = frameOf(ev.source);
    if (!frame) return;
    switch (m.type) {
      case 'hello':
        frame.setAttribute('data-bridge-ready', 'true');
        break;
      case 'resize': {
        var h = Math.max(0, Math.min(Number(m.height) || 0, 20000));
        if (frame.closest('[data-fills="true"]')) {
          // A fullscreen / max modal's frame fills its dialog whatever its content's height.
        } else if (frame.getAttribute('data-modal') === 'true') {
          frame.style.height = Math.min(h, window.innerHeight * 0.8) + 'px';
        } else {
          var min = Number(frame.getAttribute('data-min-height') || 0);
          frame.style.height = Math.max(h, min) + 'px';
        }
        break;
      }
      case 'showFlag':
        showFlag(frame, m.flag);
        break;
      case 'closeFlag':
        closeFlag(m.id);
        break;
      case 'openModal':
        openModal(frame, m.modal);
        break;
      case 'closeModal':
        closeModal(frame.getAttribute('data-frame-id'), m.payload);
        break;
      case 'emit':
        frames().forEach(function (f) {
          if (f !== frame)
            send(f, { type: 'event', scope: m.scope, event: m.event, payload: m.payload });
        });
        break;
      case 'navigate': {
        var url = safeHttpUrl(m.url);
        if (!url) return;
        if (m.newTab) window.open(url, '_blank', 'noopener');
        else window.location.assign(url);
        break;
      }
      case 'title':
        document.title = String(m.title);
        break;
      case 'refresh':
        frame.setAttribute('src', frame.getAttribute('src') || 'about:blank');
        break;
      case 'reload':
        window.location.reload();
        break;
      case 'history': {
        var base = historyBase(frame);
        if (!base) return;
        var path = String(m.path || '/');
        var target = base.replace(/\/$/, '') + (path === '/' ? '' : path);
        if (m.replace) window.history.replaceState({ jmPath: path }, '', target);
        else window.history.pushState({ jmPath: path }, '', target);
        break;
      }
      case 'historyGo':
        window.history.go(Number(m.delta) || 0);
        break;
      default:
        break;
    }
  });

  window.addEventListener('popstate', function () {
    frames().forEach(function (f) {
      var base = historyBase(f);
      if (!base) return;
      var path = window.location.pathname.slice(base.replace(/\/$/, '').length) || '/';
      send(f, { type: 'historyPop', path: path + window.location.search + window.location.hash });
    });
  });

  // Frames that loaded before this script missed our listener: ask them to say hello again.
  frames().forEach(function (f) {
    send(f, { type: 'ping' });
  });

  // ---- theme and user switchers ------------------------------------------------------------------
  var toggle = document.getElementById('jm-theme-toggle');
  if (toggle) {
    toggle.addEventListener('click', function () {
      var next = colorMode() === 'dark' ? 'light' : 'dark';
      document.documentElement.setAttribute('data-color-mode', next);
      document.cookie = 'jm_theme=' + next + '; path=/; SameSite=Lax; max-age=31536000';
      toggle.setAttribute('aria-pressed', next === 'dark' ? 'true' : 'false');
      toggle.textContent = next === 'dark' ? 'Light mode' : 'Dark mode';
      frames().forEach(function (f) {
        send(f, { type: 'theme', colorMode: next });
      });
    });
  }
  var userSelect = document.getElementById('jm-user-select');
  if (userSelect) {
    userSelect.addEventListener('change', function () {
      userSelect.form.submit();
    });
    var submit = document.getElementById('jm-user-submit');
    if (submit) submit.hidden = true;
  }
})();
