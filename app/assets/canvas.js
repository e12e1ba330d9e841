/* The Explore canvas hands its node positions to the server before a new
   view is drawn, so the nodes that stay keep their place (only new ones are
   placed): see app/pages/explore.py and app/components/canvas_layout.py. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  paperkg_canvas: {
    positions: function (search, canvasId) {
      const root = document.getElementById(canvasId);
      // dash-cytoscape keeps its cytoscape instance on an element inside the container.
      const holder = root && [root, ...root.querySelectorAll('*')].find(el => el._cyreg && el._cyreg.cy);
      const positions = {};
      if (holder) {
        holder._cyreg.cy.nodes().forEach(node => {
          const p = node.position();
          positions[node.id()] = [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10];
        });
      }
      return {search: search, positions: positions};
    },
  },
});
