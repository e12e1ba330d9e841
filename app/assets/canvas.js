/* The Explore canvas hands its node positions to the server before a new
   view is drawn, so the nodes that stay keep their place (only new ones are
   placed): see app/pages/explore.py and app/components/canvas_layout.py.
   It also highlights the edge of the link the details panel shows, and
   draws a big view's secondary links after its first frame. */
(function () {
  // dash-cytoscape keeps its cytoscape instance on an element inside the container.
  function cyOf(canvasId) {
    const root = document.getElementById(canvasId);
    const holder = root && [root, ...root.querySelectorAll('*')].find(el => el._cyreg && el._cyreg.cy);
    return holder ? holder._cyreg.cy : null;
  }

  // A big view's `quiet` nodes (app/components/canvas.py) get their labels
  // once zoomed in far enough to read them: a label at `font` px is drawn
  // from 6 px on screen (the stylesheet's min-zoomed-font-size).
  const READABLE_PX = 6;
  function wakeLabels(cy) {
    const wake = () => cy.nodes('.quiet').filter(n => n.data('font') * cy.zoom() >= READABLE_PX).removeClass('quiet');
    if (!cy.scratch('paperkg-wake')) {
      cy.scratch('paperkg-wake', true);
      cy.on('zoom', wake);
    }
    wake();
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    paperkg_canvas: {
      positions: function (search, canvasId) {
        const cy = cyOf(canvasId);
        const positions = {};
        if (cy) {
          cy.nodes().forEach(node => {
            const p = node.position();
            positions[node.id()] = [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10];
          });
        }
        return {search: search, positions: positions};
      },
      // A big view's links among neighbours (app/components/canvas.py
      // `first_draw`) join the canvas once its first frame is painted; the
      // number added, or null when a newer view is on the canvas by then.
      // Its quiet labels are woken from here too (the canvas exists now).
      later: function (links, drawn, canvasId) {
        const now = cyOf(canvasId);
        if (now) {
          wakeLabels(now);
        }
        if (!links || !links.length) {
          return 0;
        }
        const first = new Set((drawn || []).filter(e => e.data.source !== undefined).map(e => e.data.id));
        return new Promise(resolve => requestAnimationFrame(() => setTimeout(() => {
          const cy = cyOf(canvasId);
          const edges = cy ? cy.edges() : null;
          if (!edges || edges.length !== first.size || edges.some(e => !first.has(e.id()))) {
            resolve(null);
            return;
          }
          cy.add(links);
          resolve(links.length);
        }, 0)));
      },
      // The URL's `link` (two entity keys) selects the edge between them.
      pick: function (search, canvasId) {
        const cy = cyOf(canvasId);
        const keys = new URLSearchParams(search || '').getAll('link');
        const ends = keys.length === 2 ? keys.map(key => 'e:' + key) : [];
        if (cy) {
          cy.batch(() => {
            cy.edges(':selected').filter(e => !(ends.includes(e.source().id()) && ends.includes(e.target().id()))).unselect();
            cy.edges().filter(e => ends.includes(e.source().id()) && ends.includes(e.target().id())).select();
          });
        }
        return keys;
      },
    },
  });
})();
