// The entity page's ego graph, drawn with Cytoscape.js (assets/cytoscape.min.js).
// The elements come from the page itself (#ego-data, JSON); clicking a node opens its page.
// After the layout the container gets data-graph="ready" and the node count,
// which the browser test reads back.
(function () {
  "use strict";
  var box = document.getElementById("ego");
  var data = document.getElementById("ego-data");
  if (!box || !data || typeof cytoscape !== "function") { return; }
  var elements = JSON.parse(data.textContent);
  var colour = { person: "#3b6fd8", organization: "#e08a1e", place: "#2f9e6b", other: "#8b93a1" };
  var cy = cytoscape({
    container: box,
    elements: elements,
    minZoom: 0.2,
    maxZoom: 3,
    wheelSensitivity: 0.2,
    style: [
      { selector: "node", style: {
        "background-color": function (n) { return colour[n.data("type")] || colour.other; },
        "label": "data(label)", "font-size": 11, "color": "#1d2430",
        "text-valign": "bottom", "text-margin-y": 4,
        "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 1,
        "width": function (n) { return 14 + Math.min(26, 4 * Math.sqrt(n.data("said") + n.data("about"))); },
        "height": function (n) { return 14 + Math.min(26, 4 * Math.sqrt(n.data("said") + n.data("about"))); }
      } },
      { selector: "node[?center]", style: { "border-width": 4, "border-color": "#18202e", "font-weight": "bold", "font-size": 13 } },
      { selector: "edge", style: {
        "curve-style": "bezier", "line-color": "#b8c0cc", "target-arrow-color": "#b8c0cc",
        "target-arrow-shape": "triangle", "arrow-scale": 0.8,
        "width": function (e) { return Math.min(8, 1 + Math.log2(1 + e.data("weight"))); }
      } },
      { selector: "edge[kind = 'affiliated']", style: { "line-style": "dashed", "target-arrow-shape": "none", "line-color": "#d4a373" } },
      { selector: "node:selected, node.hover", style: { "overlay-opacity": 0.12 } }
    ]
  });
  cy.on("tap", "node", function (e) {
    var url = e.target.data("url");
    if (url) { window.location.href = url; }
  });
  cy.on("mouseover", "node", function (e) {
    var n = e.target;
    box.title = n.data("label") + ": " + n.data("said") + " quotes said, named in " + n.data("about") +
      (n.data("more") ? " (" + n.data("more") + ")" : "") + " \u2014 click to open";
    n.addClass("hover");
  });
  cy.on("mouseout", "node", function (e) { box.title = ""; e.target.removeClass("hover"); });
  // Concentric: the entity in the middle, the entities it is linked with around it
  // (deterministic, unlike force layouts, and readable for a one-hop ego graph).
  var layout = cy.layout({
    name: "concentric", animate: false, padding: 30, minNodeSpacing: 36, startAngle: 3 * Math.PI / 2,
    concentric: function (n) { return n.data("center") ? 2 : 1; },
    levelWidth: function () { return 1; }
  });
  layout.one("layoutstop", function () {
    cy.fit(undefined, 30);
    // A small graph is not blown up to fill the box.
    if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); }
    box.setAttribute("data-nodes", String(cy.nodes().length));
    box.setAttribute("data-graph", "ready");
  });
  layout.run();
})();
