"""What the app does once when it is built, so that the first visitor's
click does not pay for it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Builds the Overview page's two figures in a fresh process (plotly loads
# its template and a trace type's validators on first use) and prints the
# modules that building them imported.
FIRST_FIGURES = """
import sys
from app.pages import overview
from graph import views
{warm}
before = set(sys.modules)
entity = views.Entity(key="bert", name="BERT", label="Method", paper_count=3)
overview.heatmap(views.Matrix([entity], [entity], [[3]]))
overview.timeline_figure([views.TimePoint("bert", "BERT", "2025-03", 2), views.TimePoint("bert", "BERT", "2025-05", 1)])
print(len(set(sys.modules) - before))
"""


def test_the_overview_figures_are_ready_once_the_app_is_built():
    # Without the warm-up, the first figures import ~200 of plotly's modules (0.3-0.4 s of CPU).
    done = subprocess.run([sys.executable, "-c", FIRST_FIGURES.format(warm="overview.warm_figures()")], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert int(done.stdout.strip()) == 0
