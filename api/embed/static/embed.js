// Starts TimelineJS 3 on a hosted embed page of the Content API.
//
// The page carries its configuration as a JSON data block (#timeline-config), so that no
// inline script runs and its Content-Security-Policy can stay "script-src 'self'". Options
// that would load code or data from elsewhere, or report to anyone, are set here and cannot
// be overridden by the configuration.
"use strict";
(function () {
  var here = window.location.href;
  var config = JSON.parse(document.getElementById("timeline-config").textContent);
  var options = Object.assign({}, config.options, {
    script_path: new URL(config.script_path, here).href,
    is_embed: true,
    is_full_embed: true,
    ga_measurement_id: null,
    ga_property_id: null,
    soundcite: false,
  });
  var source;
  if (config.source.kind === "local") {
    source = new URL(config.source.path, here).href;
  } else {
    source = config.source.key;
    options.sheets_proxy = config.source.proxy;
  }
  window.timeline = new TL.Timeline("timeline-embed", source, options);
})();
