// A stand-in for the host side of the resize protocols (pym.js, AMP, WordPress, Datawrapper,
// Embedly): records every message from a frame, with which frame sent it.
(function () {
  "use strict";
  var received = [];
  window.received = received;
  window.addEventListener("message", function (event) {
    var from = null;
    var frames = document.querySelectorAll("iframe");
    for (var i = 0; i < frames.length; i += 1) {
      if (frames[i].contentWindow === event.source) from = frames[i].id;
    }
    received.push({ from: from, origin: event.origin, data: event.data });
  });
  /** WordPress's handshake: the host tells a frame it is ready to receive its height. */
  window.sayReady = function (id, secret) {
    document.getElementById(id).contentWindow.postMessage({ message: "ready", secret: secret }, "*");
  };
  /** pym.js's handshake: the host sends its width, the child answers with its height. */
  window.sendWidth = function (id, childId, width) {
    document.getElementById(id).contentWindow.postMessage("pymxPYMx" + childId + "xPYMxwidthxPYMx" + width, "*");
  };
})();
