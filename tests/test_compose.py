"""Docker cannot run here, so the compose file's structure is checked instead."""
from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_compose_runs_neo4j_5_and_the_app_against_it():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    neo4j, app = compose["services"]["neo4j"], compose["services"]["app"]
    assert neo4j["image"] == "neo4j:5"
    assert "NEO4J_PASSWORD" in neo4j["environment"]["NEO4J_AUTH"]
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"])
    assert any(volume.endswith(":/data") for volume in neo4j["volumes"])
    assert set(compose["volumes"]) >= {volume.split(":")[0] for volume in neo4j["volumes"]}

    assert app["build"] == "."
    assert app["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert app["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert {"NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE", "PAPERKG_AUTH"} <= set(app["environment"])
    assert any(port.endswith(":8050") for port in app["ports"])


def test_dockerfile_installs_the_package_and_serves():
    dockerfile = (ROOT / "Dockerfile").read_text()
    for package in ("graph", "ingest", "app"):
        assert f"COPY {package} ./{package}" in dockerfile
    assert "pip install" in dockerfile
    assert '"paperkg", "serve"' in dockerfile and "8050" in dockerfile
