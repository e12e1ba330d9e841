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

  // Runs `step` once the next frame is painted.
  function afterPaint(step) {
    requestAnimationFrame(() => setTimeout(step, 0));
  }
  const LATER = '_paperkgLater';  // scratch flag of the links the `later` step added
  let laterRuns = 0;
  const GIVE_UP_MS = 20000;  // a view not on the canvas by then has gone (another page is shown)

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
      // `first_draw`) join the canvas once its first frame is painted, and
      // only the view they belong to (named on its focus node): if the
      // canvas does not show it yet, they wait for it, frame by frame, until
      // a newer view's links take over. Links an earlier view's step added
      // that the canvas still holds (the app had no time to hand them back
      // to Dash, so the next view's diff could not remove them) go. Returns
      // the number of its links, or null when a newer view took over.
      // Its quiet labels are woken from here too (the canvas exists now).
      later: function (later, drawn, canvasId) {
        const run = ++laterRuns;
        if (!later) {
          return 0;
        }
        const keep = new Set((drawn || []).concat(later.links).map(e => e.data.id));
        const since = performance.now();
        return new Promise(resolve => {
          const attempt = () => {
            if (run !== laterRuns || performance.now() - since > GIVE_UP_MS) {
              resolve(null);
              return;
            }
            const cy = cyOf(canvasId);
            if (!cy || cy.getElementById(later.focus).data('view') !== later.view) {
              afterPaint(attempt);
              return;
            }
            wakeLabels(cy);
            cy.batch(() => {
              cy.edges().filter(e => e.scratch(LATER) && !keep.has(e.id())).remove();
              cy.add(later.links.filter(e => cy.getElementById(e.data.id).empty())).scratch(LATER, true);
            });
            resolve(later.links.length);
          };
          afterPaint(attempt);
        });
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
