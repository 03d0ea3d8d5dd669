"""Counties and states from us-atlas 3 (Census 2017 cartographic boundaries), with names, population and
ICE field office from the UWCHR county table.

The shapes are simplified as a coverage (shared borders are simplified once), so neighbouring counties
still meet exactly: no slivers or gaps at any zoom.
"""

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyogrio
import shapely
import topojson

from lib import states
from lib.build.errors import RawDataError
from lib.build.readers import read_csv, require_file, validate
from lib.countynames import census_suffix
from lib.vocab import FIPS_REGEX

ATLAS_FILE = Path("geo/us-atlas-3.0.1_counties-10m.topojson.json")
POPULATION_FILE = Path("geo/uwchr_county_aor_population.csv")

# Visvalingam area tolerance (square root, degrees) and coordinate grid (degrees, about 100 m):
# chosen so the national map stays small while a single county still reads when zoomed in.
SIMPLIFY_TOLERANCE = 0.03
COORDINATE_GRID = 0.001

# Counties whose 2017 shape is empty in us-atlas: kept in the table, drawn as nothing.
EMPTY_SHAPES = {"51610": "Falls Church city (VA) has an empty shape in us-atlas 3"}

population_schema = pa.DataFrameSchema(
    {
        "geoid": pa.Column(str, pa.Check.str_matches(FIPS_REGEX), unique=True),
        "name": pa.Column(str),
        "estimate": pa.Column(str, pa.Check.str_matches(r"^\d+$")),
        "aor": pa.Column(str, nullable=True),
    },
    strict=False,
)


def read_atlas_layer(raw_dir: Path, layer: str) -> gpd.GeoDataFrame:
    path = require_file(raw_dir / ATLAS_FILE)
    try:
        frame = gpd.read_file(path, layer=layer)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, ValueError) as error:
        raise RawDataError(path, f"cannot read layer '{layer}' as TopoJSON ({error})") from error
    if "id" not in frame.columns or "name" not in frame.columns:
        raise RawDataError(path, f"layer '{layer}' lacks the 'id' or 'name' property")
    return frame


def _shift_across_antimeridian(geometry: np.ndarray) -> np.ndarray:
    """Alaska's Aleutians cross 180°: put their eastern-hemisphere islands at lon-360 so they draw beside Alaska."""

    def shift(coords: np.ndarray) -> np.ndarray:
        shifted = coords.copy()
        shifted[:, 0] = np.where(shifted[:, 0] > 0, shifted[:, 0] - 360, shifted[:, 0])
        return shifted

    return shapely.transform(geometry, shift)


def simplify_counties(geometry: np.ndarray) -> np.ndarray:
    valid = shapely.make_valid(geometry, method="structure", keep_collapsed=False)
    simplified = shapely.coverage_simplify(valid, SIMPLIFY_TOLERANCE)
    return shapely.set_precision(simplified, COORDINATE_GRID)


def build_counties(raw_dir: Path) -> tuple[pd.DataFrame, gpd.GeoDataFrame, pd.DataFrame]:
    """Returns (county table, county shapes, state table with label points)."""
    atlas = read_atlas_layer(raw_dir, "counties")
    atlas = atlas[atlas["id"].str[:2].isin(states.STATE_FIPS)].sort_values("id").reset_index(drop=True)

    population_path = raw_dir / POPULATION_FILE
    population = validate(read_csv(population_path), population_schema, population_path)
    population = population.set_index("geoid")

    missing = sorted(set(atlas["id"]) - set(population.index))
    if missing:
        raise RawDataError(population_path, f"no population row for counties {', '.join(missing[:10])}")

    census_names = population.loc[atlas["id"], "name"].to_numpy()
    suffixes = [census_suffix(name, census) for name, census in zip(atlas["name"], census_names)]
    table = pd.DataFrame(
        {
            "fips": atlas["id"],
            "name": [f"{name} {suffix}".strip() for name, suffix in zip(atlas["name"], suffixes)],
            "state_fips": atlas["id"].str[:2],
        }
    )
    table["state"] = table["state_fips"].map(states.NAME_BY_FIPS)
    table["state_abbr"] = table["state_fips"].map(states.ABBR_BY_FIPS)
    table["population"] = population.loc[table["fips"], "estimate"].astype(int).to_numpy()
    table["ice_field_office"] = population.loc[table["fips"], "aor"].fillna("").to_numpy()
    table["has_shape"] = ~table["fips"].isin(EMPTY_SHAPES.keys())

    geometry = atlas.geometry.to_numpy()
    is_alaska = table["state_fips"].to_numpy() == "02"
    geometry[is_alaska] = _shift_across_antimeridian(geometry[is_alaska])
    geometry = simplify_counties(geometry)
    geometry[shapely.is_empty(geometry)] = None
    shapes = gpd.GeoDataFrame({"fips": table["fips"]}, geometry=geometry, crs="EPSG:4326")

    return table, shapes, _state_labels(shapes)


def county_topology(shapes: gpd.GeoDataFrame) -> dict:
    """The shapes as TopoJSON: every shared border stored once and coordinates as small integers, so the
    browser receives about half the bytes of the same shapes as GeoJSON. Feature ids are the FIPS codes."""
    drawable = shapes.dropna(subset=["geometry"]).reset_index(drop=True)
    topology = topojson.Topology(
        drawable[["fips", "geometry"]],
        object_name="counties",
        prequantize=1e5,
        topology=True,
        toposimplify=False,
        shared_coords=False,
    ).to_dict()
    for geometry in topology["objects"]["counties"]["geometries"]:
        geometry["id"] = geometry["properties"]["fips"]
    return topology


def _state_labels(county_shapes: gpd.GeoDataFrame) -> pd.DataFrame:
    """Where each state's label goes: a point inside the largest part of the state (the outlines themselves
    are drawn in the browser from the county borders that separate two states)."""
    rows = []
    for state_fips, group in county_shapes.dropna(subset=["geometry"]).groupby(county_shapes["fips"].str[:2]):
        outline = shapely.set_precision(shapely.union_all(group.geometry.to_numpy()), COORDINATE_GRID)
        largest = max(getattr(outline, "geoms", [outline]), key=lambda part: part.area)
        label = largest.point_on_surface()
        rows.append(
            {
                "state_fips": state_fips,
                "state_abbr": states.ABBR_BY_FIPS[state_fips],
                "state": states.NAME_BY_FIPS[state_fips],
                "label_lon": round(label.x, 3),
                "label_lat": round(label.y, 3),
                **dict(zip(("west", "south", "east", "north"), (round(v, 3) for v in outline.bounds))),
            }
        )
    return pd.DataFrame(rows)
