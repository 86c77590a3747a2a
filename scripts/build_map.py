#!/usr/bin/env python3
"""Convert Natural Earth country outlines (the npm package world-atlas,
TopoJSON) into the dashboard's map file: one SVG path per country in a
plain equirectangular projection, x = (lon + 180) * 2, y = (90 - lat) * 2
(a 720 x 360 canvas), rounded to 0.1 units.

Usage: build_map.py WORLD_ATLAS_PACKAGE_DIR OUT.json
Output: {"projection": "equirectangular-2", "source": ..., "countries":
[{"id": ISO numeric, "name": ..., "d": SVG path}]}, sorted by id, ~100 KB.
Run by scripts/setup.sh; the binary loads the result at `sitrep serve`.
"""

import json
import sys
from pathlib import Path


def decode_arcs(topo):
    """Absolute lon/lat points of every arc (TopoJSON delta + quantisation)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    """The points of a ring given as arc indices (~i means arc i reversed)."""
    out = []
    for index in ring:
        pts = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        out.extend(pts if not out else pts[1:])
    return out


def project(lon, lat):
    return (lon + 180.0) * 2.0, (90.0 - lat) * 2.0


def ring_path(points):
    parts = []
    last = None
    for lon, lat in points:
        x, y = project(lon, lat)
        p = (round(x, 1), round(y, 1))
        if p == last:
            continue
        parts.append(f"{p[0]:g},{p[1]:g}")
        last = p
    if len(parts) < 3:
        return ""
    return "M" + "L".join(parts) + "Z"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    package, out = Path(sys.argv[1]), Path(sys.argv[2])
    topo = json.loads((package / "countries-110m.json").read_text())
    version = json.loads((package / "package.json").read_text()).get("version", "?")
    arcs = decode_arcs(topo)
    countries = []
    for g in topo["objects"]["countries"]["geometries"]:
        if g.get("type") == "Polygon":
            polygons = [g["arcs"]]
        elif g.get("type") == "MultiPolygon":
            polygons = g["arcs"]
        else:
            continue
        d = "".join(ring_path(ring_points(ring, arcs)) for poly in polygons for ring in poly)
        if d:
            countries.append({"id": g.get("id", ""), "name": g.get("properties", {}).get("name", ""), "d": d})
    countries.sort(key=lambda c: (c["id"], c["name"]))
    doc = {
        "projection": "equirectangular-2",
        "source": f"Natural Earth 1:110m via world-atlas {version}",
        "countries": countries,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(doc, separators=(",", ":")))
    tmp.replace(out)
    print(f"build_map: {len(countries)} countries, {out.stat().st_size // 1024} KB -> {out}")


if __name__ == "__main__":
    main()
